package com.storecrm.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.catalog.ProvisionedTenant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Bad input is a 400 problem naming the offending field (413 for an oversized body) and leaves
 * nothing behind; list parameters are checked as strictly as bodies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadInputIT extends CrmIntegrationTest {

    private static final List<String> SORTED_NAMES = List.of("alpha", "bravo", "charlie", "delta", "echo");

    private UUID store;
    private UUID listingStore;
    private String rep;
    private String admin;

    @BeforeAll
    void aRepAndAStoreOfNamedLeads() {
        ProvisionedTenant tenant = FIXTURES.tenant("input_a");
        store = tenant.stores().get(0).id();
        listingStore = tenant.stores().get(3).id();
        rep = TOKENS.forUser(tenant.slug(),
                FIXTURES.user(tenant, "rep", PlatformRole.SALES_REP, List.of(store, listingStore))).bearer();
        admin = TOKENS.forUser(tenant.slug(), tenant.adminUserId()).bearer();
        for (String name : List.of("delta", "alpha", "echo", "charlie", "bravo")) {
            Api.Response created = api().post("/api/leads", rep, Map.of("storeId", listingStore.toString(), "name", name));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
    }

    @Nested
    class RefusedLeads {

        @Test
        void refusesALeadWithoutAName() {
            assertRefused(lead().without("name"), "name");
        }

        @Test
        void refusesABlankName() {
            assertRefused(lead().with("name", "   "), "name");
        }

        @Test
        void refusesANameLongerThanOneHundredCharacters() {
            assertRefused(lead().with("name", "n".repeat(101)), "name");
        }

        @Test
        void refusesAnInvalidEmail() {
            assertRefused(lead().with("email", "not an address"), "email");
        }

        @Test
        void refusesAPhoneNumberWithLetters() {
            assertRefused(lead().with("phone", "+86 call me"), "phone");
        }

        @Test
        void refusesAStoreIdThatIsNotAUuid() {
            assertRefused(lead().with("storeId", "abc"), "storeId");
        }

        @Test
        void refusesAStoreThatDoesNotExist() {
            assertRefused(lead().with("storeId", UUID.randomUUID().toString()), "storeId");
        }

        @Test
        void refusesMalformedJson() {
            long before = countLeads();

            Api.Response response = api().post("/api/leads", rep, "{\"name\":");

            assertProblem(response, 400);
            assertThat(countLeads()).isEqualTo(before);
        }

        @Test
        void refusesABodyOverOneMebibyteBeforeReadingIt() {
            long before = countLeads();

            Api.Response response = api().post("/api/leads", rep, lead().with("company", "c".repeat(2_000_000)).body);

            assertProblem(response, 413);
            assertThat(countLeads()).isEqualTo(before);
        }

        @Test
        void refusesAChunkedBodyThatGrowsPastTheLimit() {
            long before = countLeads();

            Api.Response response = api().postChunked("/api/leads", rep, lead().with("company", "c".repeat(2_000_000)).body);

            assertProblem(response, 413);
            assertThat(countLeads()).isEqualTo(before);
        }

        private void assertRefused(LeadBody body, String field) {
            long before = countLeads();

            Api.Response response = api().post("/api/leads", rep, body.body);

            assertInvalid(response, field);
            assertThat(countLeads()).as("leads after a refused create").isEqualTo(before);
        }
    }

    @Nested
    class RefusedListParameters {

        @Test
        void refusesAPageSizeOfZero() {
            assertInvalid(api().get("/api/leads?size=0", rep), "size");
        }

        @Test
        void refusesAPageSizeAboveTheMaximum() {
            assertInvalid(api().get("/api/leads?size=1000", rep), "size");
        }

        @Test
        void refusesANegativePage() {
            assertInvalid(api().get("/api/leads?page=-1", rep), "page");
        }

        @Test
        void refusesSortingByAFieldThatIsNotSortable() {
            assertInvalid(api().get("/api/leads?sort=password", rep), "sort");
        }

        @Test
        void refusesAnUnknownSortDirection() {
            assertInvalid(api().get("/api/leads?sort=name,sideways", rep), "sort");
        }

        @Test
        void refusesASortWithoutAField() {
            assertInvalid(api().get("/api/leads?sort=,", rep), "sort");
        }

        @Test
        void refusesAnUnknownStatus() {
            assertInvalid(api().get("/api/leads?status=NOPE", rep), "status");
        }

        @Test
        void refusesALeadIdThatIsNotAUuid() {
            assertInvalid(api().get("/api/leads/not-a-uuid", rep), "id");
        }
    }

    @Nested
    class Listing {

        @Test
        void sortsByNameAscendingAndDescending() {
            assertThat(names(listing("sort=name,asc&size=50"))).containsExactlyElementsOf(SORTED_NAMES);
            List<String> descending = new ArrayList<>(SORTED_NAMES);
            Collections.reverse(descending);
            assertThat(names(listing("sort=name,desc&size=50"))).containsExactlyElementsOf(descending);
        }

        @Test
        void returnsTheRequestedPageOfTheSortedList() {
            JsonNode page = listing("sort=name,asc&page=1&size=2");

            assertThat(names(page)).containsExactly("charlie", "delta");
            assertThat(page.get("page").asInt()).isEqualTo(1);
            assertThat(page.get("size").asInt()).isEqualTo(2);
            assertThat(page.get("totalElements").asLong()).isEqualTo(SORTED_NAMES.size());
        }

        @Test
        void returnsAnEmptyPageBeyondTheLastOne() {
            JsonNode page = listing("sort=name,asc&page=3&size=2");

            assertThat(names(page)).isEmpty();
            assertThat(page.get("totalElements").asLong()).isEqualTo(SORTED_NAMES.size());
        }

        private JsonNode listing(String query) {
            Api.Response response = api().get("/api/leads?storeId=" + listingStore + "&" + query, rep);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            return response.json();
        }

        private List<String> names(JsonNode page) {
            List<String> names = new ArrayList<>();
            for (JsonNode lead : page.get("content")) {
                names.add(lead.get("name").asString());
            }
            return names;
        }
    }

    /** A valid lead body to spoil one field at a time. */
    private final class LeadBody {

        private final Map<String, Object> body = new LinkedHashMap<>();

        LeadBody with(String field, Object value) {
            body.put(field, value);
            return this;
        }

        LeadBody without(String field) {
            body.remove(field);
            return this;
        }
    }

    private LeadBody lead() {
        return new LeadBody().with("storeId", store.toString()).with("name", "A valid lead")
                .with("company", "Pallet Buyer Ltd").with("phone", "+86 138 0000 0000").with("email", "buyer@example.com");
    }

    private static void assertInvalid(Api.Response response, String field) {
        assertProblem(response, 400);
        List<String> fields = new ArrayList<>();
        for (JsonNode error : response.json().get("errors")) {
            fields.add(error.get("field").asString());
            assertThat(error.get("message").asString()).isNotBlank();
        }
        assertThat(fields).as(response.toString()).containsExactly(field);
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(abbreviated(response)).isEqualTo(status);
        assertThat(response.isProblem()).as("content type %s", response.contentType()).isTrue();
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asString()).isNotBlank();
    }

    private static String abbreviated(Api.Response response) {
        String text = response.toString();
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }

    private long countLeads() {
        Api.Response response = api().get("/api/leads?size=1", admin);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("totalElements").asLong();
    }
}
