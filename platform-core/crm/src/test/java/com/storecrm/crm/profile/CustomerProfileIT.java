package com.storecrm.crm.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import com.storecrm.crm.support.StoreCast;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** The customer profile combines what the customer's features hold and hides other stores' and tenants' customers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerProfileIT extends CrmIntegrationTest {

    private StoreCast cast;

    @BeforeAll
    void aCast() {
        cast = new StoreCast(FIXTURES, TOKENS, "profile");
    }

    @Test
    void combinesTheCustomerWithContactsFollowUpsAndVisits() {
        String account = account(cast.rep, cast.store1, "+86 139 8888 0001");
        assertThat(api().post("/api/accounts/" + account + "/contacts", cast.rep.bearer(), Map.of("name", "Zhao"))
                .status()).isEqualTo(201);
        assertThat(api().post("/api/accounts/" + account + "/follow-ups", cast.rep.bearer(),
                Map.of("kind", "CALL", "result", "asked about lids")).status()).isEqualTo(201);
        Api.Response visit = api().post("/api/visits", cast.rep.bearer(), Map.of("accountId", account, "kind", "AD_HOC"));
        assertThat(visit.status()).as(visit.toString()).isEqualTo(201);

        Api.Response response = api().get("/api/accounts/" + account + "/profile", cast.rep.bearer());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode profile = response.json();
        assertThat(profile.get("account").get("id").asString()).isEqualTo(account);
        assertThat(profile.get("contacts").get(0).get("name").asString()).isEqualTo("Zhao");
        assertThat(profile.get("followUps").get(0).get("result").asString()).isEqualTo("asked about lids");
        assertThat(profile.get("visits").get(0).get("id").asString()).isEqualTo(visit.json().get("id").asString());
        assertThat(profile.get("quotes")).isEmpty();
        assertThat(profile.get("orders")).isEmpty();
    }

    @Test
    void hidesCustomersOfOtherStoresAndTenants() {
        String ofStore2 = account(cast.repOfStore2, cast.store2, "+86 139 8888 0002");
        String ofOtherTenant = account(cast.otherTenantAdmin, cast.otherTenantStore, "+86 139 8888 0002");
        assertThat(api().get("/api/accounts/" + ofStore2 + "/profile", cast.rep.bearer()).status()).isEqualTo(404);
        assertThat(api().get("/api/accounts/" + ofStore2 + "/profile", cast.manager.bearer()).status()).isEqualTo(404);
        Api.Response foreign = api().get("/api/accounts/" + ofOtherTenant + "/profile", cast.admin.bearer());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("8888");
        assertThat(api().get("/api/accounts/" + ofStore2 + "/profile", cast.finance.bearer()).status()).isEqualTo(403);
    }

    private String account(StoreCast.User by, UUID store, String mobile) {
        Api.Response created = api().post("/api/accounts", by.bearer(), Map.of("storeId", store.toString(),
                "name", "Customer " + mobile, "mobile", mobile));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
