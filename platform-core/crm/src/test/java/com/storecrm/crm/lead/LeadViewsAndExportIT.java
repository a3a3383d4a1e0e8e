package com.storecrm.crm.lead;

import static com.storecrm.crm.lead.LeadCast.reason;
import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** Filters, sorting and the CSV/XLSX export of a view: each caller gets exactly the leads it may see. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadViewsAndExportIT extends CrmIntegrationTest {

    private LeadCast cast;
    private String alpha;
    private String invalid;
    private String formula;
    private String later;
    private String othersLead;
    private String store2Lead;
    private String discarded;
    private Instant boundary;

    @BeforeAll
    void leadsOfEveryKind() {
        cast = new LeadCast(FIXTURES, TOKENS, api(), "views_export");
        alpha = id(cast.lead(cast.rep, cast.store1, Map.of("name", "Alpha, \"Quoted\" Pallets", "source", "EXHIBITION",
                "phone", "+86 137 0000 0001")));
        invalid = id(cast.lead(cast.rep, cast.store1, Map.of("name", "Bravo", "source", "REFERRAL")));
        cast.act(UUID.fromString(invalid), "invalid", cast.rep, reason("no interest"));
        formula = id(cast.lead(cast.rep, cast.store1, Map.of("name", "=HYPERLINK(\"http://evil\")")));
        discarded = id(cast.lead(cast.rep, cast.store1, Map.of("name", "Junk")));
        cast.act(UUID.fromString(discarded), "discard", cast.admin, reason("junk"));
        othersLead = id(cast.lead(cast.otherRep, cast.store1, Map.of("name", "Charlie", "source", "EXHIBITION")));
        store2Lead = id(cast.lead(cast.repOfStore2, cast.store2, Map.of("name", "Delta")));
        clock.moveBy(Duration.ofDays(1));
        boundary = clock.instant().minusSeconds(1);
        later = id(cast.lead(cast.rep, cast.store1, Map.of("name", "Echo", "source", "EXHIBITION")));
    }

    @AfterAll
    void backToNow() {
        clock.reset();
    }

    @Nested
    class Filters {

        @Test
        void byOneOrSeveralStatuses() {
            assertThat(ids(cast.rep, "status=INVALID")).containsExactly(invalid);
            assertThat(ids(cast.rep, "status=PENDING&status=INVALID")).containsExactlyInAnyOrder(alpha, invalid, formula, later);
        }

        @Test
        void bySourceOwnerAndStore() {
            assertThat(ids(cast.manager, "source=EXHIBITION")).containsExactlyInAnyOrder(alpha, othersLead, later);
            assertThat(ids(cast.manager, "ownerId=" + cast.otherRep.id())).containsExactly(othersLead);
            assertThat(ids(cast.hq, "storeId=" + cast.store2)).containsExactly(store2Lead);
        }

        @Test
        void byCreationTime() {
            assertThat(ids(cast.rep, "createdFrom=" + boundary)).containsExactly(later);
            assertThat(ids(cast.rep, "createdTo=" + boundary)).containsExactlyInAnyOrder(alpha, invalid, formula);
            assertThat(ids(cast.rep, "updatedFrom=" + boundary)).containsExactly(later);
        }

        @Test
        void sortsByName() {
            Api.Response response = api().get("/api/leads?sort=name,desc", cast.rep.bearer());
            assertThat(response.json().get("content").valueStream().map(n -> n.get("name").asString()))
                    .containsExactly("Echo", "Bravo", "Alpha, \"Quoted\" Pallets", "=HYPERLINK(\"http://evil\")");
        }

        @Test
        void refusesUnknownViewsAndMalformedTimesNamingTheParameter() {
            assertInvalid(api().get("/api/leads?view=mySubordinates", cast.rep.bearer()), "view");
            assertInvalid(api().get("/api/leads?createdFrom=yesterday", cast.rep.bearer()), "createdFrom");
            assertInvalid(api().get("/api/leads?ownerId=someone", cast.rep.bearer()), "ownerId");
        }
    }

    @Nested
    class Export {

        @Test
        void csvHoldsExactlyTheRepsOwnLeadsWithTextIntact() {
            List<List<String>> rows = csv(cast.rep, "");

            assertThat(rows.get(0)).startsWith("id", "storeId", "name", "company", "phone");
            assertThat(column(rows, "id")).containsExactlyInAnyOrder(alpha, invalid, formula, later);
            assertThat(column(rows, "name")).contains("Alpha, \"Quoted\" Pallets", "'=HYPERLINK(\"http://evil\")");
            assertThat(column(rows, "phone")).contains("+86 137 0000 0001");
        }

        @Test
        void csvFollowsTheFiltersOfTheView() {
            assertThat(column(csv(cast.rep, "&status=INVALID"), "id")).containsExactly(invalid);
            assertThat(column(csv(cast.admin, "&view=discarded"), "id")).containsExactly(discarded);
        }

        @Test
        void xlsxHoldsExactlyTheLeadsOfTheManagersStores() throws Exception {
            byte[] file = api().getBytes("/api/leads/export?format=xlsx&sort=name,asc", cast.manager.bearer());

            List<List<String>> rows = new ArrayList<>();
            try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
                for (Row row : workbook.getFirstSheet().read()) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getCellCount(); c++) {
                        cells.add(row.getCellAsString(c).orElse(""));
                    }
                    rows.add(cells);
                }
            }
            assertThat(column(rows, "id")).containsExactlyInAnyOrder(alpha, invalid, formula, later, othersLead);
            assertThat(column(rows, "name")).startsWith("=HYPERLINK(\"http://evil\")", "Alpha, \"Quoted\" Pallets");
            assertThat(column(rows, "phone")).contains("+86 137 0000 0001");
            assertThat(column(rows, "status")).contains("INVALID", "PENDING");
        }

        @Test
        void refusesAnUnknownFormatAndRolesWithoutLeads() {
            assertInvalid(api().get("/api/leads/export?format=pdf", cast.rep.bearer()), "format");
            assertThat(api().get("/api/leads/export?format=csv", cast.finance.bearer()).status()).isEqualTo(403);
            assertThat(api().get("/api/leads/export?format=csv&view=discarded", cast.manager.bearer()).status())
                    .isEqualTo(403);
        }

        private List<List<String>> csv(LeadCast.User as, String query) {
            Api.Response response = api().get("/api/leads/export?format=csv" + query, as.bearer());
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.contentType()).startsWith("text/csv");
            assertThat(response.header("Content-Disposition")).hasValueSatisfying(
                    value -> assertThat(value).contains("attachment").contains("leads.csv"));
            return parseCsv(response.body());
        }
    }

    @Test
    void leadSourcesAreTheTenantsConfigurableList() {
        LeadCast sources = new LeadCast(FIXTURES, TOKENS, api(), "views_sources");
        assertThat(api().put("/api/lead-sources", sources.rep.bearer(),
                List.of(Map.of("code", "FAIR", "label", "Trade fair"))).status()).isEqualTo(403);

        Api.Response replaced = api().put("/api/lead-sources", sources.admin.bearer(),
                List.of(Map.of("code", "FAIR", "label", "Trade fair"), Map.of("code", "REFERRAL", "label", "Referral")));

        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(api().get("/api/lead-sources", sources.rep.bearer()).json().valueStream()
                .map(s -> s.get("code").asString())).containsExactly("FAIR", "REFERRAL");
        assertThat(api().post("/api/leads", sources.rep.bearer(), Map.of("storeId", sources.store1.toString(),
                "name", "From the fair", "source", "FAIR")).status()).isEqualTo(201);
        assertInvalid(api().post("/api/leads", sources.rep.bearer(), Map.of("storeId", sources.store1.toString(),
                "name", "From the exhibition", "source", "EXHIBITION")), "source");
    }

    private Set<String> ids(LeadCast.User as, String query) {
        Api.Response response = api().get("/api/leads?size=200&" + query, as.bearer());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("content").valueStream().map(n -> n.get("id").asString()).collect(Collectors.toSet());
    }

    private static List<String> column(List<List<String>> rows, String header) {
        int index = rows.get(0).indexOf(header);
        assertThat(index).as("column %s in %s", header, rows.get(0)).isNotNegative();
        return rows.subList(1, rows.size()).stream().map(row -> index < row.size() ? row.get(index) : "").toList();
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; rows end with CRLF. */
    private static List<List<String>> parseCsv(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertThat(body).as("every row ends with CRLF").endsWith("\r\n");
        return rows;
    }

    private static String id(JsonNode lead) {
        return lead.get("id").asString();
    }

    private static void assertInvalid(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString())).containsExactly(field);
    }
}
