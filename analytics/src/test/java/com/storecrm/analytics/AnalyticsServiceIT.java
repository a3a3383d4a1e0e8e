package com.storecrm.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.devstack.PlatformDatabase;
import com.storecrm.devstack.TenantFixtures;
import com.storecrm.devstack.TokenMinter;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.catalog.ProvisionedTenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The analytics service signs callers in like every service and knows their tenant and stores. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnalyticsServiceIT {

    static final PlatformDatabase DATABASE = PlatformDatabase.embedded();
    static final TokenMinter TOKENS = new TokenMinter();
    static final TenantFixtures FIXTURES = new TenantFixtures(DATABASE);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", DATABASE::appUser);
        registry.add("spring.datasource.password", DATABASE::appPassword);
        registry.add("platform.security.issuer", () -> TokenMinter.ISSUER);
        registry.add("platform.security.public-key", () -> "file:" + TOKENS.publicKeyFile());
        registry.add("platform.clickhouse.url", () -> com.storecrm.warehouse.LocalClickHouse.shared().url());
    }

    @Test
    void exposesHealthProbesMetricsAndTheApiDocument() throws Exception {
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        HttpResponse<String> prometheus = get("/actuator/prometheus", null);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes").contains("application=\"analytics\"");
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aStoreUserSeesOnlyTheirStoresAndHqSeesAll() throws Exception {
        ProvisionedTenant tenant = FIXTURES.tenant("kanban_me");
        UUID store = tenant.stores().get(1).id();
        UUID rep = FIXTURES.user(tenant, "rep", PlatformRole.SALES_REP, List.of(store));
        UUID hq = FIXTURES.user(tenant, "hq", PlatformRole.HQ_MANAGER, List.of());

        JsonNode repView = json(get("/api/me", TOKENS.forUser(tenant.slug(), rep).bearer()));
        JsonNode hqView = json(get("/api/me", TOKENS.forUser(tenant.slug(), hq).bearer()));

        assertThat(repView.get("stores")).hasSize(1);
        assertThat(repView.get("stores").get(0).get("id").asString()).isEqualTo(store.toString());
        assertThat(repView.get("stores").get(0).get("platform").asString()).isEqualTo("JD");
        assertThat(repView.get("allStores").asBoolean()).isFalse();
        assertThat(hqView.get("stores")).hasSize(4);
        assertThat(hqView.get("allStores").asBoolean()).isTrue();
    }

    @Test
    void refusesCallersWithoutAValidTokenForAnalytics() throws Exception {
        ProvisionedTenant tenant = FIXTURES.tenant("kanban_refuse");
        UUID hq = FIXTURES.user(tenant, "hq", PlatformRole.HQ_MANAGER, List.of());
        assertThat(get("/api/me", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/me", TOKENS.forUser(tenant.slug(), hq).audience("crm").bearer()).statusCode()).isEqualTo(401);
        assertThat(get("/api/me", TOKENS.forUser(tenant.slug(), hq).scope("crm").bearer()).statusCode()).isEqualTo(401);
        assertThat(get("/api/me", TOKENS.forUser(tenant.slug(), hq).bearer()).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }
}
