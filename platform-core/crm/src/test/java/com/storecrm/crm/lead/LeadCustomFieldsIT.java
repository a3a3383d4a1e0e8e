package com.storecrm.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** Tenant-defined lead fields: defined by the administrator, typed and validated on leads, filterable. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadCustomFieldsIT extends CrmIntegrationTest {

    private LeadCast cast;
    private UUID hot;
    private UUID big;
    private UUID plain;

    @BeforeAll
    void fieldsAndLeads() {
        cast = new LeadCast(FIXTURES, TOKENS, api(), "custom_fields");
        define(Map.of("key", "interest", "label", "Interest level", "type", "SINGLE_CHOICE",
                "options", List.of("HIGH", "MEDIUM", "LOW")));
        define(Map.of("key", "companySize", "label", "Company size", "type", "NUMBER"));
        define(Map.of("key", "firstContact", "label", "First contact", "type", "DATE"));
        define(Map.of("key", "note", "label", "Note", "type", "TEXT"));
        hot = id(cast.lead(cast.rep, cast.store1, Map.of("customFields",
                Map.of("interest", "HIGH", "companySize", 40, "firstContact", "2026-03-01"))));
        big = id(cast.lead(cast.rep, cast.store1, Map.of("customFields",
                Map.of("interest", "LOW", "companySize", 250.50, "firstContact", "2026-06-15", "note", "pallets, 1200x800"))));
        plain = id(cast.lead(cast.rep, cast.store1, Map.of()));
    }

    @Test
    void showsTheValuesOnTheLead() {
        JsonNode fields = cast.read(big, cast.rep).get("customFields");

        assertThat(fields.get("interest").asString()).isEqualTo("LOW");
        assertThat(fields.get("companySize").decimalValue()).isEqualByComparingTo("250.5");
        assertThat(fields.get("firstContact").asString()).isEqualTo("2026-06-15");
        assertThat(fields.get("note").asString()).isEqualTo("pallets, 1200x800");
        assertThat(api().get("/api/lead-fields", cast.rep.bearer()).json().valueStream()
                .map(f -> f.get("key").asString())).containsExactly("companySize", "firstContact", "interest", "note");
    }

    @Nested
    class Filtering {

        @Test
        void byChoice() {
            assertThat(filtered("cf.interest=HIGH")).containsExactly(hot);
        }

        @Test
        void byNumberRangeAndByEqualNumberWrittenDifferently() {
            assertThat(filtered("cf.companySize.min=100")).containsExactly(big);
            assertThat(filtered("cf.companySize.max=100")).containsExactly(hot);
            assertThat(filtered("cf.companySize=250.500")).containsExactly(big);
        }

        @Test
        void byDateRange() {
            assertThat(filtered("cf.firstContact.from=2026-03-01&cf.firstContact.to=2026-05-31")).containsExactly(hot);
        }

        @Test
        void byTextTogetherWithOtherFilters() {
            assertThat(filtered("cf.note=pallets,%201200x800&status=PENDING")).containsExactly(big);
        }

        @Test
        void refusesAnUnknownFieldOrAMalformedValueNamingTheParameter() {
            assertInvalid(api().get("/api/leads?cf.colour=red", cast.rep.bearer()), "cf.colour");
            assertInvalid(api().get("/api/leads?cf.companySize.min=many", cast.rep.bearer()), "cf.companySize.min");
            assertInvalid(api().get("/api/leads?cf.interest.min=1", cast.rep.bearer()), "cf.interest.min");
        }

        private List<UUID> filtered(String query) {
            Api.Response response = api().get("/api/leads?size=200&" + query, cast.rep.bearer());
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            List<UUID> ids = response.json().get("content").valueStream()
                    .map(n -> UUID.fromString(n.get("id").asString())).toList();
            assertThat(ids).doesNotContain(plain);
            return ids;
        }
    }

    @Nested
    class RefusedValues {

        @Test
        void refusesTextInANumberField() {
            assertRefused(Map.of("companySize", "big"), "customFields.companySize");
        }

        @Test
        void refusesAChoiceThatIsNotOffered() {
            assertRefused(Map.of("interest", "EXTREME"), "customFields.interest");
        }

        @Test
        void refusesSomethingThatIsNotADate() {
            assertRefused(Map.of("firstContact", "next tuesday"), "customFields.firstContact");
        }

        @Test
        void refusesANumberInATextField() {
            assertRefused(Map.of("note", 12), "customFields.note");
        }

        @Test
        void refusesAFieldTheTenantDoesNotHave() {
            assertRefused(Map.of("colour", "red"), "customFields.colour");
        }

        private void assertRefused(Map<String, Object> values, String field) {
            Api.Response response = api().post("/api/leads", cast.rep.bearer(), Map.of("storeId", cast.store1.toString(),
                    "name", "Refused", "customFields", values));
            assertInvalid(response, field);
        }
    }

    @Nested
    class Definitions {

        @Test
        void onlyTheTenantAdministratorDefinesFields() {
            Api.Response refused = api().post("/api/lead-fields", cast.manager.bearer(),
                    Map.of("key", "budget", "label", "Budget", "type", "NUMBER"));
            assertThat(refused.status()).isEqualTo(403);
        }

        @Test
        void refusesASecondFieldWithTheSameKey() {
            assertThat(api().post("/api/lead-fields", cast.admin.bearer(),
                    Map.of("key", "note", "label", "Another note", "type", "TEXT")).status()).isEqualTo(409);
        }

        @Test
        void refusesAChoiceWithoutOptionsAndABadKey() {
            assertInvalid(api().post("/api/lead-fields", cast.admin.bearer(),
                    Map.of("key", "tier", "label", "Tier", "type", "SINGLE_CHOICE")), "options");
            assertInvalid(api().post("/api/lead-fields", cast.admin.bearer(),
                    Map.of("key", "Bad Key", "label", "Bad", "type", "TEXT")), "key");
            assertInvalid(api().post("/api/lead-fields", cast.admin.bearer(),
                    Map.of("key", "kind", "label", "Kind", "type", "COLOUR")), "type");
        }

        @Test
        void aRequiredFieldMustBeGivenOnNewLeads() {
            LeadCast strict = new LeadCast(FIXTURES, TOKENS, api(), "custom_required");
            assertThat(api().post("/api/lead-fields", strict.admin.bearer(), Map.of("key", "region2", "label", "Sales region",
                    "type", "TEXT", "required", true)).status()).isEqualTo(201);

            assertInvalid(api().post("/api/leads", strict.rep.bearer(),
                    Map.of("storeId", strict.store1.toString(), "name", "Without")), "customFields.region2");
        }
    }

    private void define(Map<String, Object> field) {
        Api.Response response = api().post("/api/lead-fields", cast.admin.bearer(), field);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private static UUID id(JsonNode lead) {
        return UUID.fromString(lead.get("id").asString());
    }

    private static void assertInvalid(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString())).containsExactly(field);
    }
}
