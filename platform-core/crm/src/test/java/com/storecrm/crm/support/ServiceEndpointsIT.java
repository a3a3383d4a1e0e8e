package com.storecrm.crm.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What operations and API clients rely on besides the features: probes, metrics, the API document. */
class ServiceEndpointsIT extends CrmIntegrationTest {

    @Test
    void exposesProbesWithoutAToken() {
        assertThat(api().get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(api().get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }

    @Test
    void exposesPrometheusMetricsTaggedWithTheApplication() {
        Api.Response metrics = api().get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests").contains("application=\"crm\"");
    }

    @Test
    void tagsRequestMetricsWithTheCallersTenant() {
        var tenant = FIXTURES.tenant("metrics_tag");
        String bearer = TOKENS.forUser(tenant.slug(), tenant.adminUserId()).bearer();
        assertThat(api().get("/api/leads", bearer).status()).isEqualTo(200);

        String metrics = api().get("/actuator/prometheus", null).body();

        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*tenant=\"metrics_tag\"[^}]*uri=\"/api/leads\"");
    }

    @Test
    void documentsTheContractPathsInOpenApi() {
        Api.Response document = api().get("/v3/api-docs", null);
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().get("paths").has("/api/leads")).isTrue();
        assertThat(document.json().get("paths").has("/api/leads/{id}")).isTrue();
        assertThat(document.json().get("paths").has("/api/me")).isTrue();
        for (String leadPath : new String[] {"/api/leads/export", "/api/leads/{id}/history", "/api/leads/{id}/invalid",
                "/api/leads/{id}/activities", "/api/lead-activities", "/api/lead-follow-ups/due", "/api/lead-fields",
                "/api/lead-sources"}) {
            assertThat(document.json().get("paths").has(leadPath)).as(leadPath).isTrue();
        }
    }

    @Test
    void echoesARequestIdForLogCorrelation() {
        Api.Response response = api().get("/actuator/health/liveness", null);
        assertThat(response.header("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).isNotBlank());
    }
}
