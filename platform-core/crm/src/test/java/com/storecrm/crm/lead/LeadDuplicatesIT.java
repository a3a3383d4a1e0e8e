package com.storecrm.crm.lead;

import static com.storecrm.crm.lead.LeadCast.reason;
import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One live lead per phone number and per email address in a store: a second one is a 409 naming the
 * first, also when many arrive at the same moment; other stores are unaffected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadDuplicatesIT extends CrmIntegrationTest {

    private LeadCast cast;

    @BeforeAll
    void aCast() {
        cast = new LeadCast(FIXTURES, TOKENS, api(), "duplicates");
    }

    @Test
    void refusesTheSamePhoneNumberHoweverItIsWrittenNamingTheExistingLead() {
        String existing = cast.lead(cast.rep, cast.store1, Map.of("phone", "+86 139 1111 0001")).get("id").asString();

        Api.Response duplicate = create(cast.otherRep, cast.store1, Map.of("phone", "+86-139-1111-0001"));

        assertDuplicateOf(duplicate, existing, "phone");
    }

    @Test
    void refusesTheSameEmailAddressInAnyCase() {
        String existing = cast.lead(cast.rep, cast.store1, Map.of("email", "buyer.one@example.com")).get("id").asString();

        assertDuplicateOf(create(cast.rep, cast.store1, Map.of("email", "Buyer.One@Example.COM")), existing, "email");
    }

    @Test
    void acceptsTheSamePhoneAndEmailInAnotherStore() {
        cast.lead(cast.rep, cast.store1, Map.of("phone", "+86 139 1111 0002", "email", "two@example.com"));

        Api.Response elsewhere = create(cast.repOfStore2, cast.store2, Map.of("phone", "+86 139 1111 0002",
                "email", "two@example.com"));

        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(201);
    }

    @Test
    void aDiscardedLeadNoLongerBlocksItsPhoneButCannotBeRestoredOverALiveDuplicate() {
        String discarded = cast.lead(cast.rep, cast.store1, Map.of("phone", "+86 139 1111 0003")).get("id").asString();
        assertThat(cast.act(UUID.fromString(discarded), "discard", cast.admin, reason("junk")).status()).isEqualTo(200);

        Api.Response again = create(cast.rep, cast.store1, Map.of("phone", "+86 139 1111 0003"));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);

        Api.Response restore = cast.act(UUID.fromString(discarded), "restore", cast.admin, reason("oops"));
        assertThat(restore.status()).as(restore.toString()).isEqualTo(409);
        assertThat(cast.read(UUID.fromString(discarded), cast.admin).get("status").asString()).isEqualTo("DISCARDED");
    }

    @Test
    void letsExactlyOneOfEightConcurrentCreationsWin() throws Exception {
        int threads = 8;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return create(cast.rep, cast.store1, Map.of("phone", "+86 139 1111 0099",
                            "email", "race" + n + "@example.com"));
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                responses.add(answer.get(30, TimeUnit.SECONDS));
            }

            List<Api.Response> won = responses.stream().filter(r -> r.status() == 201).toList();
            assertThat(won).as(responses.toString()).hasSize(1);
            String winner = won.get(0).json().get("id").asString();
            assertThat(responses).filteredOn(r -> r.status() != 201).hasSize(threads - 1)
                    .allSatisfy(lost -> assertDuplicateOf(lost, winner, "phone"));
        } finally {
            pool.shutdownNow();
        }
        Api.Response listed = api().get("/api/leads?size=200", cast.admin.bearer());
        assertThat(listed.json().get("content").valueStream()
                .filter(n -> "+86 139 1111 0099".equals(n.get("phone").asString())).count()).isEqualTo(1);
    }

    private Api.Response create(LeadCast.User by, UUID store, Map<String, Object> fields) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(fields);
        body.put("storeId", store.toString());
        body.put("name", "Duplicate candidate");
        return api().post("/api/leads", by.bearer(), body);
    }

    private static void assertDuplicateOf(Api.Response response, String existing, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("existingId").asString()).isEqualTo(existing);
        assertThat(response.json().get("field").asString()).isEqualTo(field);
        assertThat(response.json().get("detail").asString()).contains(existing);
    }
}
