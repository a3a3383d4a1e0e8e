package com.storecrm.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.devstack.PlatformDatabase;
import com.storecrm.devstack.TenantFixtures;
import com.storecrm.devstack.TokenMinter;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.catalog.ProvisionedTenant;
import com.storecrm.warehouse.ClickHouseHttp;
import com.storecrm.warehouse.LocalClickHouse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lead report and freshness read the real ClickHouse with the caller's tenant and stores: a
 * store user sees their stores only, HQ every store of its tenant, nobody another tenant's rows.
 * Rows are written the way the change-data-capture job writes them, including superseded versions
 * and deletes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KanbanLeadReportIT {

    static final PlatformDatabase DATABASE = PlatformDatabase.embedded();
    static final LocalClickHouse CLICKHOUSE = LocalClickHouse.shared();
    static final TokenMinter TOKENS = new TokenMinter();
    static final TenantFixtures FIXTURES = new TenantFixtures(DATABASE);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    ProvisionedTenant tenant;
    ProvisionedTenant other;
    UUID store1;
    UUID store2;
    String rep;
    String hq;
    String otherHq;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", DATABASE::appUser);
        registry.add("spring.datasource.password", DATABASE::appPassword);
        registry.add("platform.security.issuer", () -> TokenMinter.ISSUER);
        registry.add("platform.security.public-key", () -> "file:" + TOKENS.publicKeyFile());
        registry.add("platform.clickhouse.url", CLICKHOUSE::url);
    }

    @BeforeAll
    void warehouseRows() {
        tenant = FIXTURES.tenant("report_a");
        other = FIXTURES.tenant("report_b");
        store1 = tenant.stores().get(0).id();
        store2 = tenant.stores().get(1).id();
        rep = TOKENS.forUser(tenant.slug(), FIXTURES.user(tenant, "rep", PlatformRole.SALES_REP, List.of(store1))).bearer();
        hq = TOKENS.forUser(tenant.slug(), FIXTURES.user(tenant, "hq.one", PlatformRole.HQ_MANAGER, List.of())).bearer();
        otherHq = TOKENS.forUser(other.slug(), FIXTURES.user(other, "hq.two", PlatformRole.HQ_MANAGER, List.of())).bearer();
        ClickHouseHttp clickHouse = new ClickHouseHttp(CLICKHOUSE.url());
        List<String> rows = new ArrayList<>();
        rows.add(lead("report_a", "a1", store1, "PENDING", 10, 0));
        rows.add(lead("report_a", "a1", store1, "IN_PROGRESS", 20, 0));
        rows.add(lead("report_a", "a2", store1, "PENDING", 11, 0));
        rows.add(lead("report_a", "a3", store2, "PENDING", 12, 0));
        rows.add(lead("report_a", "a4", store2, "PENDING", 13, 0));
        rows.add(lead("report_a", "a4", store2, "PENDING", 40, 1));
        rows.add(lead("report_b", "b1", other.stores().get(0).id(), "PENDING", 14, 0));
        clickHouse.insertJsonEachRow("storecrm.lead", rows);
        clickHouse.insertJsonEachRow("storecrm.cdc_progress", List.of(
                "{\"tenant\":\"report_a\",\"last_commit_at\":\"2026-11-24 10:00:00\",\"last_lsn\":40,\"lag_ms\":85,\"applied_at\":\"2026-11-24 10:00:00\"}"));
    }

    @Test
    void aRepSeesTheCurrentStateOfTheirStoreOnly() {
        JsonNode report = get("/api/kanban/leads", rep);
        assertThat(rowsOf(report)).containsExactly(store1 + " IN_PROGRESS 1", store1 + " PENDING 1");
    }

    @Test
    void hqSeesEveryStoreOfItsTenantAndNoOtherTenant() {
        assertThat(rowsOf(get("/api/kanban/leads", hq))).containsExactlyInAnyOrder(
                store1 + " IN_PROGRESS 1", store1 + " PENDING 1", store2 + " PENDING 1");
        assertThat(rowsOf(get("/api/kanban/leads", otherHq))).containsExactly(other.stores().get(0).id() + " PENDING 1");
    }

    @Test
    void filtersByStoreWithinTheCallersScopeAndRefusesForeignStores() {
        assertThat(rowsOf(get("/api/kanban/leads?storeIds=" + store2, hq))).containsExactly(store2 + " PENDING 1");
        assertThat(status("/api/kanban/leads?storeIds=" + store2, rep)).isEqualTo(400);
        assertThat(status("/api/kanban/leads?storeIds=" + other.stores().get(0).id(), hq)).isEqualTo(400);
        assertThat(status("/api/kanban/leads?storeIds=not-a-uuid", hq)).isEqualTo(400);
    }

    @Test
    void reportsFreshnessOfTheCallersTenant() {
        JsonNode freshness = get("/api/kanban/freshness", rep);
        assertThat(freshness.get("lastChangeAt").asString()).isEqualTo("2026-11-24T10:00:00Z");
        assertThat(freshness.get("lagMillis").asLong()).isEqualTo(85);
        JsonNode none = get("/api/kanban/freshness", otherHq);
        assertThat(none.get("lastChangeAt").isNull()).isTrue();
        assertThat(none.get("lagMillis").isNull()).isTrue();
    }

    @Test
    void requiresATenantUser() {
        assertThat(status("/api/kanban/leads", null)).isEqualTo(401);
        assertThat(status("/api/kanban/freshness", null)).isEqualTo(401);
    }

    private static List<String> rowsOf(JsonNode report) {
        List<String> rows = new ArrayList<>();
        report.forEach(r -> rows.add(r.get("storeId").asString() + " " + r.get("status").asString() + " " + r.get("count").asLong()));
        return rows;
    }

    private static String lead(String tenant, String id, UUID store, String status, long version, int deleted) {
        return "{\"tenant\":\"" + tenant + "\",\"id\":\"" + id + "\",\"store_id\":\"" + store + "\",\"name\":\"n\",\"status\":\""
                + status + "\",\"created_at\":\"2026-11-24 09:00:00\",\"updated_at\":\"2026-11-24 09:00:00\",\"version\":"
                + version + ",\"deleted\":" + deleted + ",\"committed_at\":\"2026-11-24 09:00:00\"}";
    }

    private JsonNode get(String path, String bearer) {
        HttpResponse<String> response = send(path, bearer);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private int status(String path, String bearer) {
        return send(path, bearer).statusCode();
    }

    private HttpResponse<String> send(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
