package com.storecrm.crm.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import com.storecrm.crm.support.StoreCast;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One customer profile per mobile number and per chat id in a store (the dual check): a second one,
 * created or edited into a collision, is a 409 naming the first, also when sixteen arrive at once;
 * other stores may hold the same numbers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountDuplicatesIT extends CrmIntegrationTest {

    private StoreCast cast;

    @BeforeAll
    void aCast() {
        cast = new StoreCast(FIXTURES, TOKENS, "acc_dup");
    }

    @Test
    void refusesTheSameMobileHoweverItIsWrittenNamingTheExistingProfile() {
        String existing = created(create(cast.rep, cast.store1, "+86 139 2222 0001", null));

        Api.Response duplicate = create(cast.otherRep, cast.store1, "+86-139-2222-0001", "other-chat-1");

        assertDuplicateOf(duplicate, existing, "mobile");
    }

    @Test
    void refusesTheSameChatIdInAnyCase() {
        String existing = created(create(cast.rep, cast.store1, null, "WeChat_Buyer_1"));

        assertDuplicateOf(create(cast.rep, cast.store1, "+86 139 2222 0002", "wechat_buyer_1"), existing, "chatId");
    }

    @Test
    void acceptsTheSameMobileAndChatIdInAnotherStore() {
        created(create(cast.rep, cast.store1, "+86 139 2222 0003", "shared-chat-3"));

        Api.Response elsewhere = create(cast.repOfStore2, cast.store2, "+86 139 2222 0003", "shared-chat-3");

        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(201);
    }

    @Test
    void refusesAnEditIntoAnotherProfilesMobile() {
        String first = created(create(cast.rep, cast.store1, "+86 139 2222 0004", null));
        String second = created(create(cast.rep, cast.store1, "+86 139 2222 0005", null));

        Api.Response edit = api().put("/api/accounts/" + second, cast.rep.bearer(),
                body(cast.store1, "+86 139 2222 0004", null));

        assertDuplicateOf(edit, first, "mobile");
        assertThat(api().get("/api/accounts/" + second, cast.rep.bearer()).json().get("mobile").asString())
                .isEqualTo("+86 139 2222 0005");
        Api.Response keepOwn = api().put("/api/accounts/" + second, cast.rep.bearer(),
                body(cast.store1, "+86 139 2222 0005", "now-with-chat-5"));
        assertThat(keepOwn.status()).as(keepOwn.toString()).isEqualTo(200);
        assertThat(keepOwn.json().get("chatId").asString()).isEqualTo("now-with-chat-5");
    }

    @Test
    void letsExactlyOneOfSixteenConcurrentCreationsWithTheSameMobileWin() throws Exception {
        assertOneWinner(n -> create(n % 2 == 0 ? cast.rep : cast.otherRep, cast.store1, "+86 139 2222 0099",
                "race-mobile-" + n), "mobile", "+86 139 2222 0099");
    }

    @Test
    void letsExactlyOneOfSixteenConcurrentCreationsWithTheSameChatIdWin() throws Exception {
        assertOneWinner(n -> create(n % 2 == 0 ? cast.rep : cast.otherRep, cast.store1, "+86 139 3333 00" + (10 + n),
                "race-chat"), "chatId", "race-chat");
    }

    private void assertOneWinner(IntFunction<Api.Response> attempt, String field, String value) throws Exception {
        int threads = 16;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Api.Response> responses = new ArrayList<>();
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return attempt.apply(n);
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            for (Future<Api.Response> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        List<Api.Response> won = responses.stream().filter(r -> r.status() == 201).toList();
        assertThat(won).as(responses.toString()).hasSize(1);
        String winner = won.get(0).json().get("id").asString();
        assertThat(responses).filteredOn(r -> r.status() != 201).hasSize(threads - 1)
                .allSatisfy(lost -> assertDuplicateOf(lost, winner, field));
        Api.Response listed = api().get("/api/accounts?size=200&storeId=" + cast.store1, cast.admin.bearer());
        assertThat(listed.json().get("content").valueStream()
                .filter(n -> value.equals(n.get(field).asString())).count()).isEqualTo(1);
    }

    private Api.Response create(StoreCast.User by, UUID store, String mobile, String chatId) {
        return api().post("/api/accounts", by.bearer(), body(store, mobile, chatId));
    }

    private static Map<String, Object> body(UUID store, String mobile, String chatId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("storeId", store.toString());
        body.put("name", "Pallet buyer");
        body.put("province", "Zhejiang");
        body.put("city", "Hangzhou");
        body.put("mobile", mobile);
        body.put("chatId", chatId);
        return body;
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private static void assertDuplicateOf(Api.Response response, String existing, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("existingAccountId").asString()).isEqualTo(existing);
        assertThat(response.json().get("field").asString()).isEqualTo(field);
        assertThat(response.json().get("detail").asString()).contains(existing);
    }
}
