package com.storecrm.crm.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import com.storecrm.crm.support.TwoTenants;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Campaigns: validation naming the field, store and tenant isolation, and the campaign a lead may name. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignIT extends CrmIntegrationTest {

    private TwoTenants cast;

    @BeforeAll
    void aCast() {
        cast = new TwoTenants(FIXTURES, TOKENS, "campaigns");
    }

    @Test
    void plansRevisesListsAndDeletesACampaign() {
        Api.Response created = api().post("/api/campaigns", cast.manager, campaign(cast.a1, "Spring fair", "EXHIBITION"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("status").asString()).isEqualTo("PLANNED");
        assertThat(created.json().get("budget").decimalValue()).isEqualByComparingTo("5000.50");

        Map<String, Object> revised = campaign(cast.a1, "Spring fair", "EXHIBITION");
        revised.put("actualCost", "4200.00");
        revised.put("status", "ACTIVE");
        Api.Response updated = api().put("/api/campaigns/" + id, cast.manager, revised);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("actualCost").decimalValue()).isEqualByComparingTo("4200");

        Api.Response listed = api().get("/api/campaigns?type=EXHIBITION&status=ACTIVE&storeId=" + cast.a1, cast.rep1);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        listed.json().get("content").forEach(c -> ids.add(c.get("id").asString()));
        assertThat(ids).containsExactly(id);

        assertThat(api().delete("/api/campaigns/" + id, cast.manager).status()).isEqualTo(204);
        assertThat(api().get("/api/campaigns/" + id, cast.manager).status()).isEqualTo(404);
    }

    @Test
    void refusesInvalidCampaignsNamingTheField() {
        Map<String, Object> backwards = campaign(cast.a1, "Backwards", "PROMOTION");
        backwards.put("endDate", "2026-02-28");
        assertInvalid(api().post("/api/campaigns", cast.manager, backwards), "endDate");
        Map<String, Object> negative = campaign(cast.a1, "Negative", "PROMOTION");
        negative.put("budget", "-1");
        assertInvalid(api().post("/api/campaigns", cast.manager, negative), "budget");
        Map<String, Object> overspent = campaign(cast.a1, "Overspent", "PROMOTION");
        overspent.put("actualCost", "-0.01");
        assertInvalid(api().post("/api/campaigns", cast.manager, overspent), "actualCost");
        assertInvalid(api().post("/api/campaigns", cast.manager, campaign(cast.a1, "Odd", "SKYWRITING")), "type");
        assertInvalid(api().post("/api/campaigns", cast.manager, campaign(cast.a1, " ", "PROMOTION")), "name");
        assertInvalid(api().post("/api/campaigns", cast.manager, campaign(cast.a3, "Not mine", "PROMOTION")), "storeId");
        assertThat(api().post("/api/campaigns", cast.rep1, campaign(cast.a1, "Rep's own", "PROMOTION")).status())
                .as("reps read campaigns, marketing and managers plan them").isEqualTo(403);
        assertThat(api().post("/api/campaigns", cast.finance, campaign(cast.a1, "Finance", "PROMOTION")).status())
                .isEqualTo(403);
    }

    @Test
    void aCampaignIsInvisibleOutsideItsStoreAndTenant() {
        String id = api().post("/api/campaigns", cast.admin, campaign(cast.a1, "Tmall week", "PROMOTION")).json()
                .get("id").asString();

        assertThat(api().get("/api/campaigns/" + id, cast.rep1).status()).isEqualTo(200);
        assertThat(api().get("/api/campaigns/" + id, cast.rep2).status()).isEqualTo(404);
        assertThat(api().get("/api/campaigns/" + id, cast.adminB).status()).isEqualTo(404);
        assertThat(api().put("/api/campaigns/" + id, cast.adminB, campaign(cast.b1, "Taken", "PROMOTION")).status())
                .isEqualTo(404);
        assertThat(api().get("/api/campaigns?storeId=" + cast.a1, cast.repB).json().get("totalElements").asLong())
                .isZero();
    }

    @Test
    void aLeadNamesOnlyACampaignOfItsOwnStore() {
        String ownStore = api().post("/api/campaigns", cast.manager, campaign(cast.a1, "Own", "REFERRAL")).json()
                .get("id").asString();
        String otherStore = api().post("/api/campaigns", cast.manager, campaign(cast.a2, "Other", "REFERRAL")).json()
                .get("id").asString();

        Api.Response refused = api().post("/api/leads", cast.rep1, lead(cast.a1, otherStore));
        assertInvalid(refused, "campaignId");
        assertInvalid(api().post("/api/leads", cast.rep1, lead(cast.a1, UUID.randomUUID().toString())), "campaignId");
        Api.Response accepted = api().post("/api/leads", cast.rep1, lead(cast.a1, ownStore));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertThat(accepted.json().get("campaignId").asString()).isEqualTo(ownStore);
    }

    private static Map<String, Object> lead(UUID store, String campaignId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("storeId", store.toString());
        body.put("name", "Visitor " + UUID.randomUUID());
        body.put("campaignId", campaignId);
        return body;
    }

    private static Map<String, Object> campaign(UUID store, String name, String type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("storeId", store.toString());
        body.put("name", name);
        body.put("type", type);
        body.put("startDate", "2026-03-01");
        body.put("endDate", "2026-03-31");
        body.put("budget", "5000.50");
        return body;
    }

    private static void assertInvalid(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).as(response.toString()).contains(field);
    }
}
