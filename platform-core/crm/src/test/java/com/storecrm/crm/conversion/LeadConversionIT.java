package com.storecrm.crm.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import com.storecrm.crm.support.StoreCast;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Converting leads on a real database under each of the tenant's duplicate rules, on and off; a
 * refusal in any part leaves no customer, contact or opportunity behind and the lead as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadConversionIT extends CrmIntegrationTest {

    private StoreCast cast;
    private String process;
    private String firstStage;

    @BeforeAll
    void aCastWithASalesProcess() {
        cast = new StoreCast(FIXTURES, TOKENS, "convert");
        Api.Response created = api().post("/api/sales-processes", cast.admin.bearer(), Map.of("name", "Pallet deals",
                "stages", List.of(Map.of("name", "Intent", "probability", 0.2), Map.of("name", "Deal", "probability", 0.9))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        process = created.json().get("id").asString();
        firstStage = created.json().get("stages").get(0).get("id").asString();
    }

    @Test
    void convertsALeadIntoACustomerAContactAndAnOpportunityWithItsActivities() {
        rules(true, true, true);
        String lead = lead(cast.rep, cast.store1, "Rongxin Pallets", "+86 138 1000 0001", "li@rongxin.example");
        activity(lead, "CALL", "asked for a price list");
        activity(lead, "VISIT", "saw their warehouse");

        Api.Response converted = convert(cast.rep, lead, Map.of("contact", Map.of("title", "buyer"),
                "opportunity", opportunity("Rongxin first order"), "copyActivities", true));
        assertThat(converted.status()).as(converted.toString()).isEqualTo(200);
        JsonNode result = converted.json();
        String account = result.get("accountId").asString();
        assertThat(result.get("accountLinked").asBoolean()).isFalse();
        assertThat(result.get("activitiesCopied").asInt()).isEqualTo(2);

        JsonNode customer = api().get("/api/accounts/" + account, cast.rep.bearer()).json();
        assertThat(customer.get("name").asString()).isEqualTo("Rongxin Pallets");
        assertThat(customer.get("ownerId").asString()).isEqualTo(cast.rep.id().toString());
        JsonNode contact = api().get("/api/accounts/" + account + "/contacts", cast.rep.bearer()).json().get(0);
        assertThat(contact.get("id").asString()).isEqualTo(result.get("contactId").asString());
        assertThat(contact.get("mobile").asString()).isEqualTo("+86 138 1000 0001");
        assertThat(contact.get("email").asString()).isEqualTo("li@rongxin.example");
        assertThat(contact.get("title").asString()).isEqualTo("buyer");
        assertThat(api().get("/api/accounts/" + account + "/follow-ups", cast.rep.bearer()).json().valueStream()
                .map(f -> f.get("kind").asString() + ":" + f.get("result").asString()))
                .containsExactlyInAnyOrder("CALL:asked for a price list", "VISIT:saw their warehouse");
        JsonNode deal = api().get("/api/opportunities/" + result.get("opportunityId").asString(), cast.rep.bearer()).json();
        assertThat(deal.get("accountId").asString()).isEqualTo(account);
        assertThat(deal.get("stageId").asString()).isEqualTo(firstStage);
        assertThat(status(lead)).isEqualTo("CONVERTED");
        assertThat(events.of(LeadConverted.class)).filteredOn(e -> e.leadId().toString().equals(lead))
                .singleElement().satisfies(e -> assertThat(e.accountId().toString()).isEqualTo(account));

        Api.Response again = convert(cast.rep, lead, Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("currentStatus").asString()).isEqualTo("CONVERTED");
    }

    @Test
    void linksTheCustomerOfTheSameNameOnlyUnderTheAccountDuplicateCheck() {
        String existing = account(cast.rep, "Huatai Trading", "+86 138 1000 0002");
        rules(true, false, false);
        Api.Response linked = convert(cast.rep, lead(cast.rep, cast.store1, " huatai TRADING ", null, null), Map.of());
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        assertThat(linked.json().get("accountId").asString()).isEqualTo(existing);
        assertThat(linked.json().get("accountLinked").asBoolean()).isTrue();
        assertThat(linked.json().get("contactId").isNull()).isTrue();
        assertThat(linked.json().get("opportunityId").isNull()).isTrue();

        rules(false, false, false);
        Api.Response created = convert(cast.rep, lead(cast.rep, cast.store1, "Huatai Trading", null, null), Map.of());
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.json().get("accountId").asString()).isNotEqualTo(existing);
        assertThat(created.json().get("accountLinked").asBoolean()).isFalse();
        assertThat(customersNamed("Huatai Trading")).isEqualTo(2);
    }

    @Test
    void refusesADuplicateContactAndLeavesNothingBehind() {
        String existing = account(cast.rep, "Contact Holder", "+86 138 1000 0003");
        assertThat(api().post("/api/accounts/" + existing + "/contacts", cast.rep.bearer(),
                Map.of("name", "Wang", "mobile", "+86 138 2000 0003")).status()).isEqualTo(201);
        rules(false, true, false);
        String lead = lead(cast.rep, cast.store1, "Duplicate Contact Co", "86-138-2000-0003", null);

        Api.Response refused = convert(cast.rep, lead, Map.of("contact", Map.of(),
                "opportunity", opportunity("never created")));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("part").asString()).isEqualTo("contact");
        assertThat(refused.json().get("detail").asString()).contains("contact");
        assertThat(customersNamed("Duplicate Contact Co")).isZero();
        assertThat(opportunitiesNamed("never created")).isZero();
        assertThat(status(lead)).isEqualTo("PENDING");

        rules(false, false, false);
        Api.Response converted = convert(cast.rep, lead, Map.of("contact", Map.of()));
        assertThat(converted.status()).as(converted.toString()).isEqualTo(200);
        assertThat(converted.json().get("contactId").isNull()).isFalse();
    }

    @Test
    void refusesADuplicateOpportunityNameUnderTheCustomerAndLeavesNothingBehind() {
        String existing = account(cast.rep, "Opportunity Holder", "+86 138 1000 0004");
        Api.Response first = api().post("/api/opportunities", cast.rep.bearer(), Map.of("accountId", existing,
                "name", "Q3 pallets", "amount", 1000, "salesProcessId", process,
                "expectedCloseDate", LocalDate.now().plusDays(30).toString()));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        rules(true, false, true);
        String lead = lead(cast.rep, cast.store1, "Opportunity Holder", "+86 138 2000 0004", null);
        activity(lead, "CALL", "wants more");

        Api.Response refused = convert(cast.rep, lead, Map.of("contact", Map.of(), "opportunity",
                opportunity("q3 PALLETS"), "copyActivities", true));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("part").asString()).isEqualTo("opportunity");
        assertThat(api().get("/api/accounts/" + existing + "/contacts", cast.rep.bearer()).json()).isEmpty();
        assertThat(api().get("/api/accounts/" + existing + "/follow-ups", cast.rep.bearer()).json()).isEmpty();
        assertThat(status(lead)).isEqualTo("IN_PROGRESS");

        rules(true, false, false);
        Api.Response converted = convert(cast.rep, lead, Map.of("opportunity", opportunity("q3 PALLETS")));
        assertThat(converted.status()).as(converted.toString()).isEqualTo(200);
        assertThat(api().get("/api/opportunities?accountId=" + existing, cast.rep.bearer()).json().get("totalElements")
                .asLong()).isEqualTo(2);
    }

    @Test
    void rollsBackANewCustomerAndContactWhenTheOpportunityFails() {
        rules(false, false, false);
        String lead = lead(cast.rep, cast.store1, "Half Done Ltd", "+86 138 2000 0005", "half@done.example");
        Map<String, Object> badProcess = new HashMap<>(opportunity("half done"));
        badProcess.put("salesProcessId", UUID.randomUUID().toString());

        Api.Response refused = convert(cast.rep, lead, Map.of("account", Map.of("mobile", "+86 138 1000 0005"),
                "contact", Map.of(), "opportunity", badProcess));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(field(refused)).isEqualTo("opportunity.salesProcessId");
        assertThat(customersNamed("Half Done Ltd")).isZero();
        assertThat(status(lead)).isEqualTo("PENDING");
        // the contact's mobile number is free again: nothing of the refused conversion survived
        rules(false, true, false);
        Api.Response converted = convert(cast.rep, lead, Map.of("account", Map.of("mobile", "+86 138 1000 0005"),
                "contact", Map.of()));
        assertThat(converted.status()).as(converted.toString()).isEqualTo(200);
    }

    @Test
    void hidesLeadsOfOtherStoresAndTenantsAndRefusesOtherRoles() {
        rules(false, false, false);
        String ofStore2 = lead(cast.repOfStore2, cast.store2, "Store Two Co", null, null);
        String ofOtherTenant = lead(cast.otherTenantAdmin, cast.otherTenantStore, "Other Tenant Co", null, null);
        assertThat(convert(cast.rep, ofStore2, Map.of()).status()).isEqualTo(404);
        assertThat(convert(cast.manager, ofStore2, Map.of()).status()).isEqualTo(404);
        assertThat(convert(cast.admin, ofOtherTenant, Map.of()).status()).isEqualTo(404);
        assertThat(convert(cast.finance, lead(cast.rep, cast.store1, "Finance Try", null, null), Map.of()).status())
                .isEqualTo(403);
        assertThat(status(ofStore2, cast.repOfStore2)).isEqualTo("PENDING");

        Api.Response noName = convert(cast.rep, lead(cast.rep, cast.store1, null, null, null), Map.of());
        assertThat(field(noName)).isEqualTo("account.name");
        Map<String, Object> nameless = new HashMap<>(opportunity("x"));
        nameless.remove("name");
        assertThat(field(convert(cast.rep, lead(cast.rep, cast.store1, "Nameless Deal", null, null),
                Map.of("opportunity", nameless)))).isEqualTo("opportunity.name");

        assertThat(api().put("/api/conversion-settings", cast.manager.bearer(), Map.of("accountDuplicateCheck", true,
                "contactDuplicateCheck", true, "uniqueOpportunityNamePerAccount", true)).status()).isEqualTo(403);
        assertThat(field(api().put("/api/conversion-settings", cast.admin.bearer(),
                Map.of("accountDuplicateCheck", true, "contactDuplicateCheck", true)))).isEqualTo("uniqueOpportunityNamePerAccount");
        assertThat(api().get("/api/conversion-settings", cast.otherTenantAdmin.bearer()).json()
                .get("accountDuplicateCheck").asBoolean()).isTrue();
    }

    private void rules(boolean account, boolean contact, boolean opportunity) {
        Api.Response changed = api().put("/api/conversion-settings", cast.admin.bearer(), Map.of("accountDuplicateCheck",
                account, "contactDuplicateCheck", contact, "uniqueOpportunityNamePerAccount", opportunity));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    private String lead(StoreCast.User by, UUID store, String company, String phone, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("storeId", store.toString(), "name", "Li Wei"));
        if (company != null) {
            body.put("company", company);
        }
        if (phone != null) {
            body.put("phone", phone);
        }
        if (email != null) {
            body.put("email", email);
        }
        Api.Response created = api().post("/api/leads", by.bearer(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private void activity(String lead, String kind, String result) {
        Api.Response recorded = api().post("/api/leads/" + lead + "/activities", cast.rep.bearer(),
                Map.of("kind", kind, "result", result));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    }

    private String account(StoreCast.User by, String name, String mobile) {
        Api.Response created = api().post("/api/accounts", by.bearer(), Map.of("storeId", cast.store1.toString(),
                "name", name, "mobile", mobile));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private Map<String, Object> opportunity(String name) {
        return Map.of("name", name, "amount", 25000, "salesProcessId", process,
                "expectedCloseDate", LocalDate.now().plusDays(60).toString());
    }

    private Api.Response convert(StoreCast.User by, String lead, Map<String, Object> body) {
        return api().post("/api/leads/" + lead + "/convert", by.bearer(), body);
    }

    private String status(String lead) {
        return status(lead, cast.rep);
    }

    private String status(String lead, StoreCast.User by) {
        return api().get("/api/leads/" + lead, by.bearer()).json().get("status").asString();
    }

    private long customersNamed(String name) {
        return api().get("/api/accounts?storeId=" + cast.store1 + "&size=200", cast.manager.bearer()).json()
                .get("content").valueStream().filter(a -> a.get("name").asString().equals(name)).count();
    }

    private long opportunitiesNamed(String name) {
        return api().get("/api/opportunities?storeId=" + cast.store1 + "&size=200", cast.manager.bearer()).json()
                .get("content").valueStream().filter(o -> o.get("name").asString().equals(name)).count();
    }

    private static String field(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json().get("errors").get(0).get("field").asString();
    }
}
