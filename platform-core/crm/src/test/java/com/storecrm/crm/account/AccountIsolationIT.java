package com.storecrm.crm.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import com.storecrm.crm.support.StoreCast;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every new endpoint answers 404 for records of another store or tenant, lists show only what the
 * caller may see, and bad input is a 400 naming the field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountIsolationIT extends CrmIntegrationTest {

    private StoreCast cast;
    private String accountOfStore2;
    private String opportunityOfStore2;
    private String accountOfOtherTenant;
    private String opportunityOfOtherTenant;

    @BeforeAll
    void recordsInAnotherStoreAndTenant() {
        cast = new StoreCast(FIXTURES, TOKENS, "acc_iso");
        accountOfStore2 = account(cast.repOfStore2, cast.store2, "+86 139 6666 0001");
        opportunityOfStore2 = opportunity(cast.admin, cast.repOfStore2, accountOfStore2);
        accountOfOtherTenant = account(cast.otherTenantAdmin, cast.otherTenantStore, "+86 139 6666 0001");
        opportunityOfOtherTenant = opportunity(cast.otherTenantAdmin, cast.otherTenantAdmin, accountOfOtherTenant);
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/api/accounts/%s", "/api/accounts/%s/contacts", "/api/accounts/%s/follow-ups",
            "/api/accounts/%s/ownership-history"})
    void hidesAccountsOfOtherStoresAndTenants(String path) {
        for (String id : List.of(accountOfStore2, accountOfOtherTenant)) {
            Api.Response response = api().get(path.formatted(id), cast.rep.bearer());
            assertThat(response.status()).as(path + " " + response).isEqualTo(404);
            assertThat(response.body()).doesNotContain("6666");
        }
        assertThat(api().get(path.formatted(accountOfOtherTenant), cast.admin.bearer()).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "POST {0}")
    @ValueSource(strings = {"/api/accounts/%s/contacts", "/api/accounts/%s/follow-ups", "/api/accounts/%s/release",
            "/api/accounts/%s/claims"})
    void refusesWritesToAccountsOfOtherStoresAndTenants(String path) {
        Map<String, Object> body = Map.of("name", "X", "kind", "CALL", "result", "called", "reason", "why not");
        for (String id : List.of(accountOfStore2, accountOfOtherTenant)) {
            assertThat(api().post(path.formatted(id), cast.rep.bearer(), body).status()).as(path).isEqualTo(404);
        }
        assertThat(api().put("/api/accounts/" + accountOfStore2, cast.rep.bearer(), Map.of("storeId",
                cast.store2.toString(), "name", "Mine now")).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /api/opportunities/%s", "GET /api/opportunities/%s/history",
            "POST /api/opportunities/%s/advance", "POST /api/opportunities/%s/advance/approve",
            "POST /api/opportunities/%s/win", "POST /api/opportunities/%s/lose", "POST /api/opportunities/%s/invalidate"})
    void hidesOpportunitiesOfOtherStoresAndTenants(String call) {
        String[] verbAndPath = call.split(" ");
        for (String id : List.of(opportunityOfStore2, opportunityOfOtherTenant)) {
            String path = verbAndPath[1].formatted(id);
            Api.Response response = verbAndPath[0].equals("GET") ? api().get(path, cast.manager.bearer())
                    : api().post(path, cast.manager.bearer(), Map.of("reason", "r"));
            assertThat(response.status()).as(call + " " + response).isEqualTo(404);
        }
    }

    @Test
    void listsOnlyTheCallersStoresAndOwnCustomers() {
        String mine = account(cast.rep, cast.store1, "+86 139 6666 0002");
        String colleagues = account(cast.otherRep, cast.store1, "+86 139 6666 0003");

        List<String> repSees = ids(api().get("/api/accounts?size=200", cast.rep.bearer()));
        assertThat(repSees).contains(mine).doesNotContain(colleagues, accountOfStore2, accountOfOtherTenant);
        List<String> managerSees = ids(api().get("/api/accounts?size=200", cast.manager.bearer()));
        assertThat(managerSees).contains(mine, colleagues).doesNotContain(accountOfStore2, accountOfOtherTenant);
        assertThat(ids(api().get("/api/accounts?storeId=" + cast.store2, cast.rep.bearer()))).isEmpty();
        assertThat(ids(api().get("/api/opportunities?size=200", cast.manager.bearer())))
                .doesNotContain(opportunityOfStore2, opportunityOfOtherTenant);
        assertThat(api().get("/api/accounts/" + colleagues, cast.rep.bearer()).status()).isEqualTo(404);
    }

    @Test
    void refusesAnOpportunityOnAnInvisibleAccountOrAForeignProcess() {
        Api.Response onForeignAccount = api().post("/api/opportunities", cast.rep.bearer(), Map.of(
                "accountId", accountOfStore2, "name", "Sneaky", "amount", 10,
                "salesProcessId", java.util.UUID.randomUUID().toString(), "expectedCloseDate", "2026-12-01"));
        assertThat(onForeignAccount.status()).isEqualTo(400);
        assertThat(onForeignAccount.json().get("errors").get(0).get("field").asString()).isEqualTo("accountId");
        assertThat(api().get("/api/sales-processes/" + java.util.UUID.randomUUID(), cast.rep.bearer()).status())
                .isEqualTo(404);
    }

    @Test
    void namesTheFieldOfBadInput() {
        Api.Response noName = api().post("/api/accounts", cast.rep.bearer(), Map.of("storeId", cast.store1.toString(),
                "mobile", "call me maybe"));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.isProblem()).isTrue();
        assertThat(noName.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("name", "mobile");
        Api.Response foreignStore = api().post("/api/accounts", cast.rep.bearer(), Map.of("storeId",
                cast.store2.toString(), "name", "Elsewhere"));
        assertThat(foreignStore.status()).isEqualTo(400);
        assertThat(foreignStore.json().get("errors").get(0).get("field").asString()).isEqualTo("storeId");
        Api.Response badAmount = api().post("/api/opportunities", cast.rep.bearer(), Map.of("accountId",
                accountOfStore2, "name", "X", "amount", -1, "salesProcessId", accountOfStore2,
                "expectedCloseDate", "2026-12-01"));
        assertThat(badAmount.status()).isEqualTo(400);
        assertThat(badAmount.json().get("errors").get(0).get("field").asString()).isEqualTo("amount");
        assertThat(api().post("/api/accounts", cast.finance.bearer(), Map.of("storeId", cast.store1.toString(),
                "name", "Not finance's")).status()).isEqualTo(403);
    }

    private String account(StoreCast.User by, java.util.UUID store, String mobile) {
        Api.Response created = api().post("/api/accounts", by.bearer(), Map.of("storeId", store.toString(),
                "name", "Customer " + mobile, "mobile", mobile));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String opportunity(StoreCast.User admin, StoreCast.User by, String account) {
        Api.Response process = api().post("/api/sales-processes", admin.bearer(), Map.of("name",
                "Isolation " + account, "stages", List.of(Map.of("name", "Only", "probability", 0.5))));
        assertThat(process.status()).as(process.toString()).isEqualTo(201);
        Api.Response created = api().post("/api/opportunities", by.bearer(), Map.of("accountId", account,
                "name", "Deal", "amount", 100, "salesProcessId", process.json().get("id").asString(),
                "expectedCloseDate", "2026-12-01"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static List<String> ids(Api.Response page) {
        return page.json().get("content").valueStream().map(n -> n.get("id").asString()).toList();
    }
}
