package com.storecrm.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** A lead from a scanned card's text: the lead takes what it has fields for, the card keeps everything, nothing half-made. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BusinessCardIT extends CrmIntegrationTest {

    private LeadCast cast;

    @BeforeAll
    void aCast() {
        cast = new LeadCast(FIXTURES, TOKENS, api(), "cards");
    }

    @Test
    void aCardBecomesAPendingLeadOfTheScannerAndIsKeptWhole() {
        Map<String, Object> card = card("+86 139 5555 0001", "li.lei@pallets.example");
        card.put("phone", "+86 21 5555 0001");
        card.put("fax", "+86 21 5555 0002");
        card.put("wechat", "lilei_pallets");
        card.put("jobTitle", "Purchasing manager");
        card.put("department", "Procurement");
        card.put("address", "88 Harbour Road, Ningbo");
        card.put("website", "https://pallets.example");

        Api.Response created = api().post("/api/leads/business-card", cast.rep.bearer(), card);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode lead = created.json();
        assertThat(lead.get("status").asString()).isEqualTo("PENDING");
        assertThat(lead.get("ownerId").asString()).isEqualTo(cast.rep.id().toString());
        assertThat(lead.get("source").asString()).isEqualTo("BUSINESS_CARD");
        assertThat(lead.get("name").asString()).isEqualTo("Li Lei");
        assertThat(lead.get("company").asString()).isEqualTo("Ningbo Pallets");
        assertThat(lead.get("phone").asString()).as("the mobile number before the desk phone").isEqualTo("+86 139 5555 0001");
        assertThat(lead.get("chatId").asString()).isEqualTo("lilei_pallets");
        String id = lead.get("id").asString();

        Api.Response kept = api().get("/api/leads/" + id + "/business-card", cast.rep.bearer());
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        JsonNode text = kept.json();
        assertThat(text.get("jobTitle").asString()).isEqualTo("Purchasing manager");
        assertThat(text.get("department").asString()).isEqualTo("Procurement");
        assertThat(text.get("phone").asString()).isEqualTo("+86 21 5555 0001");
        assertThat(text.get("fax").asString()).isEqualTo("+86 21 5555 0002");
        assertThat(text.get("address").asString()).isEqualTo("88 Harbour Road, Ningbo");
        assertThat(text.get("website").asString()).isEqualTo("https://pallets.example");
        assertThat(text.get("scannedBy").asString()).isEqualTo(cast.rep.id().toString());
        assertThat(api().get("/api/leads/" + id + "/history", cast.rep.bearer()).json().toString()).contains("CREATE");
    }

    @Test
    void aCardFromAFairMayNameTheExhibitionSourceButNotAnUnknownOne() {
        Map<String, Object> card = card("+86 139 5555 0002", null);
        card.put("source", "EXHIBITION");
        Api.Response created = api().post("/api/leads/business-card", cast.rep.bearer(), card);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("source").asString()).isEqualTo("EXHIBITION");

        Map<String, Object> unknown = card("+86 139 5555 0003", null);
        unknown.put("source", "TELEPATHY");
        assertField(api().post("/api/leads/business-card", cast.rep.bearer(), unknown), "source");
    }

    @Test
    void aDuplicateCardIsA409NamingTheLeadAndLeavesNothingBehind() {
        String existing = cast.lead(cast.otherRep, cast.store1, Map.of("phone", "+86 139 5555 0004")).get("id").asString();
        Map<String, Object> card = card("+86-139-5555-0004", "unique.card@example.com");
        card.put("jobTitle", "Duplicate");

        Api.Response duplicate = api().post("/api/leads/business-card", cast.rep.bearer(), card);

        assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(409);
        assertThat(duplicate.json().get("existingId").asString()).isEqualTo(existing);
        Api.Response byEmail = api().get("/api/leads?size=200", cast.admin.bearer());
        assertThat(byEmail.body()).doesNotContain("unique.card@example.com");
    }

    @Test
    void badCardsNameTheirFieldsAndNobodyElseReadsTheCard() {
        Map<String, Object> noName = card("+86 139 5555 0005", null);
        noName.remove("name");
        assertField(api().post("/api/leads/business-card", cast.rep.bearer(), noName), "name");
        assertField(api().post("/api/leads/business-card", cast.rep.bearer(), card("call me", null)), "mobile");
        assertField(api().post("/api/leads/business-card", cast.rep.bearer(), card(null, "not-an-address")), "email");
        Map<String, Object> elsewhere = card("+86 139 5555 0006", null);
        elsewhere.put("storeId", cast.store2.toString());
        assertField(api().post("/api/leads/business-card", cast.rep.bearer(), elsewhere), "storeId");
        assertThat(api().post("/api/leads/business-card", cast.finance.bearer(), card("+86 139 5555 0007", null))
                .status()).isEqualTo(403);

        String id = api().post("/api/leads/business-card", cast.rep.bearer(), card("+86 139 5555 0008", null))
                .json().get("id").asString();
        assertThat(api().get("/api/leads/" + id + "/business-card", cast.otherRep.bearer()).status()).isEqualTo(404);
        assertThat(api().get("/api/leads/" + id + "/business-card", cast.repOfStore2.bearer()).status()).isEqualTo(404);
        assertThat(api().get("/api/leads/" + id + "/business-card", cast.manager.bearer()).status()).isEqualTo(200);
        UUID typed = cast.lead(cast.rep);
        assertThat(api().get("/api/leads/" + typed + "/business-card", cast.rep.bearer()).status())
                .as("a lead typed in has no card").isEqualTo(404);
    }

    private Map<String, Object> card(String mobile, String email) {
        Map<String, Object> card = new HashMap<>();
        card.put("storeId", cast.store1.toString());
        card.put("name", "Li Lei");
        card.put("company", "Ningbo Pallets");
        if (mobile != null) {
            card.put("mobile", mobile);
        }
        if (email != null) {
            card.put("email", email);
        }
        return card;
    }

    private static void assertField(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .as(response.toString()).contains(field);
    }
}
