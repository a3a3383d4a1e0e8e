package com.storecrm.admin.onboarding;

import static com.storecrm.admin.TenantRequests.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.storecrm.admin.AdminApi;
import com.storecrm.admin.TenantAdminIntegrationTest;
import com.storecrm.tenancy.catalog.TenantSchemaMigrations;
import com.storecrm.warehouse.ClickHouseHttp;
import com.storecrm.warehouse.ClickHouseSchema;
import com.storecrm.warehouse.LocalClickHouse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class OnboardingIT extends TenantAdminIntegrationTest {

    private final JdbcClient owner = JdbcClient.create(DATABASE.ownerDataSource());

    @AfterEach
    void noInjectedFailure() {
        FAIL_AT.set(null);
    }

    @Test
    void onboardsATenantWithStoresAndAWorkingAdminClient() {
        AdminApi.Response created = api().post("/api/platform/tenants", api().operatorToken(), tenant("acme_pallets"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("slug").asString()).isEqualTo("acme_pallets");
        assertThat(body.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(body.get("subsidiaries")).hasSize(2);
        assertThat(body.get("subsidiaries").get(0).get("stores").get(0).get("platform").asString()).isEqualTo("TMALL");
        assertThat(body.get("adminUserId").asString()).isNotBlank();
        String clientId = body.get("adminClient").get("clientId").asString();
        String secret = body.get("adminClient").get("clientSecret").asString();
        assertThat(schemaExists("tenant_acme_pallets")).isTrue();

        AdminApi.Response token = api().token(clientId, secret);
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        AdminApi.Response users = api().get("/api/tenant/users", api().bearerOf(token));
        assertThat(users.status()).as(users.toString()).isEqualTo(200);
        assertThat(users.json().get("content").get(0).get("username").asString()).isEqualTo("admin");
    }

    @Test
    void repeatingTheSameRequestReturnsTheSameTenantWithoutASecondSchemaOrSecret() {
        String operator = api().operatorToken();
        AdminApi.Response first = api().post("/api/platform/tenants", operator, tenant("same_again"));
        AdminApi.Response second = api().post("/api/platform/tenants", operator, tenant("same_again"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(second.json().get("adminClient").get("clientId").asString())
                .isEqualTo(first.json().get("adminClient").get("clientId").asString());
        assertThat(second.json().get("adminClient").get("clientSecret").isNull()).isTrue();
        assertThat(count("select count(*) from public.tenant where slug = 'same_again'")).isEqualTo(1);
        assertThat(count("select count(*) from public.api_client c join public.tenant t on t.id = c.tenant_id where t.slug = 'same_again'"))
                .isEqualTo(1);
    }

    @Test
    void aDifferentRequestForAnExistingSlugIsAConflict() {
        String operator = api().operatorToken();
        assertThat(api().post("/api/platform/tenants", operator, tenant("taken_slug")).status()).isEqualTo(201);

        AdminApi.Response otherName = api().post("/api/platform/tenants", operator, tenant("taken_slug", "Another Co.", "admin-password"));
        AdminApi.Response otherPassword = api().post("/api/platform/tenants", operator, tenant("taken_slug", "Pallet Co. taken_slug", "other-password"));

        assertThat(otherName.status()).isEqualTo(409);
        assertThat(otherPassword.status()).isEqualTo(409);
        assertThat(otherName.contentType()).startsWith("application/problem+json");
    }

    @ParameterizedTest(name = "a failure at step {0} leaves nothing behind")
    @ValueSource(strings = {"catalog", "schema", "admin-client", "activate"})
    void aFailureMidWayLeavesNothingBehind(String step) {
        String slug = "fails_at_" + step.replace('-', '_');
        FAIL_AT.set(step);
        AdminApi.Response failed = api().post("/api/platform/tenants", api().operatorToken(), tenant(slug));

        assertThat(failed.status()).as(failed.toString()).isEqualTo(500);
        assertThat(failed.contentType()).startsWith("application/problem+json");
        assertThat(count("select count(*) from public.tenant where slug = '" + slug + "'")).isZero();
        assertThat(count("select count(*) from public.store s join public.tenant t on t.id = s.tenant_id where t.slug = '" + slug + "'")).isZero();
        assertThat(count("select count(*) from public.app_user where username = 'admin' and tenant_id not in (select id from public.tenant)")).isZero();
        assertThat(count("select count(*) from public.oauth2_registered_client where client_id like '" + slug + "-%'")).isZero();
        assertThat(schemaExists("tenant_" + slug)).isFalse();

        FAIL_AT.set(null);
        AdminApi.Response retried = api().post("/api/platform/tenants", api().operatorToken(), tenant(slug));
        assertThat(retried.status()).as("the same request succeeds once the fault is gone").isEqualTo(201);
    }

    @Test
    void fiftyTenantsOnboardInARowAndEachWorks() {
        String operator = api().operatorToken();
        for (int i = 0; i < 50; i++) {
            String slug = "row_" + i;
            AdminApi.Response created = api().post("/api/platform/tenants", operator, tenant(slug));
            assertThat(created.status()).as(slug + ": " + created).isEqualTo(201);
            JsonNode client = created.json().get("adminClient");
            AdminApi.Response token = api().token(client.get("clientId").asString(), client.get("clientSecret").asString());
            String store = created.json().get("subsidiaries").get(0).get("stores").get(0).get("id").asString();
            AdminApi.Response rep = api().post("/api/tenant/users", api().bearerOf(token), Map.of("username", "rep",
                    "displayName", "Rep", "password", "rep-password", "roles", List.of("SALES_REP"), "storeIds", List.of(store)));
            assertThat(rep.status()).as(slug + ": " + rep).isEqualTo(201);
        }
        AdminApi.Response list = api().get("/api/platform/tenants?size=200", operator);
        assertThat(list.json().get("totalElements").asLong()).isGreaterThanOrEqualTo(50);
    }

    @Nested
    class RefusesBadInput {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"slug=Bad-Slug", "slug=ab", "name=", "currency=yuan", "subsidiaries=", "admin.password=short",
                "admin.username=Has Spaces", "subsidiaries[0].stores[0].platform=MYSPACE", "name=" + "N"})
        void namingTheField(String change) {
            String field = change.substring(0, change.indexOf('='));
            String value = change.substring(change.indexOf('=') + 1);
            Map<String, Object> request = modified(field, field.equals("name") && value.equals("N") ? "N".repeat(201) : value);

            AdminApi.Response response = api().post("/api/platform/tenants", api().operatorToken(), request);

            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().has("errors")).as(response.toString()).isTrue();
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
            assertThat(count("select count(*) from public.tenant where slug = 'bad_input'")).isZero();
        }

        @Test
        void duplicateStoreNames() {
            Map<String, Object> request = new HashMap<>(tenant("dup_stores"));
            request.put("subsidiaries", List.of(Map.of("name", "A", "stores", List.of(Map.of("name", "Same", "platform", "JD"))),
                    Map.of("name", "B", "stores", List.of(Map.of("name", "Same", "platform", "TMALL")))));
            AdminApi.Response response = api().post("/api/platform/tenants", api().operatorToken(), request);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("subsidiaries[1].stores[0].name");
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> modified(String field, String value) {
            Map<String, Object> request = new HashMap<>(tenant("bad_input"));
            switch (field) {
                case "admin.password", "admin.username" -> {
                    Map<String, Object> admin = new HashMap<>((Map<String, Object>) request.get("admin"));
                    admin.put(field.substring(6), value);
                    request.put("admin", admin);
                }
                case "subsidiaries" -> request.put("subsidiaries", List.of());
                case "subsidiaries[0].stores[0].platform" -> request.put("subsidiaries",
                        List.of(Map.of("name", "X", "stores", List.of(Map.of("name", "Y", "platform", value)))));
                default -> request.put(field, value);
            }
            return request;
        }
    }

    @Nested
    class SuspensionAndHealth {

        @Test
        void aSuspendedTenantIsRefusedAtOnceAndWorksAgainAfterResume() {
            String operator = api().operatorToken();
            JsonNode created = api().post("/api/platform/tenants", operator, tenant("to_suspend")).json();
            String clientId = created.get("adminClient").get("clientId").asString();
            String secret = created.get("adminClient").get("clientSecret").asString();
            String adminToken = api().bearerOf(api().token(clientId, secret));
            assertThat(api().get("/api/tenant/users", adminToken).status()).isEqualTo(200);

            AdminApi.Response suspended = api().post("/api/platform/tenants/to_suspend/suspend", operator, "");
            assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
            assertThat(suspended.json().get("status").asString()).isEqualTo("SUSPENDED");
            assertThat(api().get("/api/tenant/users", adminToken).status()).as("issued token").isEqualTo(401);
            AdminApi.Response newToken = api().token(clientId, secret);
            assertThat(newToken.status()).as("new token: " + newToken).isBetween(400, 401);
            assertThat(newToken.body()).doesNotContain("access_token");
            assertThat(api().post("/api/platform/tenants/to_suspend/suspend", operator, "").status()).isEqualTo(409);

            assertThat(api().post("/api/platform/tenants/to_suspend/resume", operator, "").status()).isEqualTo(200);
            assertThat(api().get("/api/tenant/users", adminToken).status()).isEqualTo(200);
            assertThat(api().token(clientId, secret).status()).isEqualTo(200);
        }

        @Test
        void reportsSchemaVersionAndRowCounts() {
            String operator = api().operatorToken();
            api().post("/api/platform/tenants", operator, tenant("healthy_one"));

            AdminApi.Response health = api().get("/api/platform/tenants/healthy_one", operator);

            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("schemaVersion").asString()).isEqualTo(health.json().get("latestSchemaVersion").asString());
            assertThat(health.json().get("rowCounts").get("lead").asLong()).isZero();
            assertThat(health.json().get("lastChangeSeenByAnalytics").isNull()).as("nothing reached analytics yet").isTrue();

            var clickHouse = new com.storecrm.warehouse.ClickHouseHttp(com.storecrm.warehouse.LocalClickHouse.shared().url());
            com.storecrm.warehouse.ClickHouseSchema.migrate(clickHouse);
            clickHouse.insertJsonEachRow("storecrm.cdc_progress", List.of("{\"tenant\":\"healthy_one\",\"last_commit_at\":"
                    + "\"2026-11-24 08:30:00\",\"last_lsn\":7,\"lag_ms\":60,\"applied_at\":\"2026-11-24 08:30:01\"}"));
            assertThat(api().get("/api/platform/tenants/healthy_one", operator).json().get("lastChangeSeenByAnalytics").asString())
                    .isEqualTo("2026-11-24T08:30:00Z");
            assertThat(api().get("/api/platform/tenants/no_such_tenant", operator).status()).isEqualTo(404);
            assertThat(api().post("/api/platform/tenants/no_such_tenant/suspend", operator, "").status()).isEqualTo(404);
        }
    }

    @Nested
    class Offboarding {

        private final ClickHouseHttp warehouse = new ClickHouseHttp(LocalClickHouse.shared().url());

        @Test
        void removesASuspendedTenantEverywhereAndLeavesOthersAlone() {
            ClickHouseSchema.migrate(warehouse);
            String operator = api().operatorToken();
            JsonNode leaving = api().post("/api/platform/tenants", operator, tenant("leaving_co")).json();
            api().post("/api/platform/tenants", operator, tenant("staying_co"));
            String clientId = leaving.get("adminClient").get("clientId").asString();
            String secret = leaving.get("adminClient").get("clientSecret").asString();
            String adminToken = api().bearerOf(api().token(clientId, secret));
            warehouse.insertJsonEachRow("storecrm.lead", List.of(warehouseLead("leaving_co"), warehouseLead("staying_co")));

            AdminApi.Response whileActive = api().delete("/api/platform/tenants/leaving_co", operator);
            assertThat(whileActive.status()).as("an active tenant is not offboarded").isEqualTo(409);
            assertThat(whileActive.json().get("detail").asString()).contains("suspend it");
            assertThat(schemaExists("tenant_leaving_co")).isTrue();

            api().post("/api/platform/tenants/leaving_co/suspend", operator, "");
            AdminApi.Response offboarded = api().delete("/api/platform/tenants/leaving_co", operator);

            assertThat(offboarded.status()).as(offboarded.toString()).isEqualTo(200);
            assertThat(offboarded.json().get("warehousePurged").asBoolean()).isTrue();
            assertThat(schemaExists("tenant_leaving_co")).isFalse();
            assertThat(count("select count(*) from public.tenant where slug = 'leaving_co'")).isZero();
            assertThat(count("select count(*) from public.app_user u where not exists"
                    + " (select 1 from public.tenant t where t.id = u.tenant_id)")).isZero();
            assertThat(count("select count(*) from public.oauth2_registered_client where client_id = '" + clientId + "'")).isZero();
            assertThat(count("select count(*) from public.oauth2_authorization where principal_name like '%@leaving_co'")).isZero();
            assertThat(api().token(clientId, secret).status()).as("its client is gone").isEqualTo(401);
            assertThat(api().get("/api/tenant/users", adminToken).status()).as("tokens issued before").isEqualTo(401);
            assertThat(api().get("/api/platform/tenants/leaving_co", operator).status()).isEqualTo(404);
            assertThat(api().delete("/api/platform/tenants/leaving_co", operator).status()).isEqualTo(404);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    warehouse.query("SELECT tenant FROM storecrm.lead WHERE tenant IN ('leaving_co', 'staying_co')"))
                    .as("ClickHouse applies the delete as a mutation").containsExactly("staying_co"));

            assertThat(api().get("/api/platform/tenants/staying_co", operator).json().get("status").asString()).isEqualTo("ACTIVE");
            assertThat(schemaExists("tenant_staying_co")).isTrue();
            assertThat(api().post("/api/platform/tenants", operator, tenant("leaving_co")).status())
                    .as("the slug is free again").isEqualTo(201);
        }

        @Test
        void onlyOperatorsMayOffboard() {
            JsonNode created = api().post("/api/platform/tenants", api().operatorToken(), tenant("offboard_refused")).json();
            String tenantAdmin = api().bearerOf(api().token(created.get("adminClient").get("clientId").asString(),
                    created.get("adminClient").get("clientSecret").asString()));
            assertThat(api().delete("/api/platform/tenants/offboard_refused", null).status()).isEqualTo(401);
            assertThat(api().delete("/api/platform/tenants/offboard_refused", tenantAdmin).status()).isEqualTo(403);
            assertThat(schemaExists("tenant_offboard_refused")).isTrue();
        }

        private static String warehouseLead(String tenant) {
            return "{\"tenant\":\"" + tenant + "\",\"id\":\"" + java.util.UUID.randomUUID() + "\",\"store_id\":\""
                    + java.util.UUID.randomUUID() + "\",\"name\":\"n\",\"status\":\"PENDING\",\"created_at\":\"2026-11-24 09:00:00\","
                    + "\"updated_at\":\"2026-11-24 09:00:00\",\"version\":1,\"deleted\":0,\"committed_at\":\"2026-11-24 09:00:00\"}";
        }
    }

    @Nested
    class SchemaUpgradesAcrossTenants {

        @Test
        void bringsOlderTenantSchemasToTheLatestVersionAndReportsAFailureWithoutStoppingTheOthers() {
            String operator = api().operatorToken();
            api().post("/api/platform/tenants", operator, tenant("old_release"));
            api().post("/api/platform/tenants", operator, tenant("broken_release"));
            TenantSchemaMigrations migrations = new TenantSchemaMigrations(DATABASE.ownerDataSource(), DATABASE.appUser());
            String latest = migrations.latestVersion();
            // as the first release left them: version 1, not yet part of change data capture
            for (String schema : List.of("tenant_old_release", "tenant_broken_release")) {
                owner.sql("drop schema " + schema + " cascade").update();
                migrations.migrateTo(schema, "1");
            }
            owner.sql("drop table tenant_broken_release.lead").update();
            assertThat(api().get("/api/platform/tenants/old_release", operator).json().get("schemaVersion").asString())
                    .isEqualTo("1");

            AdminApi.Response upgraded = api().post("/api/platform/schema-upgrades", operator, "");

            assertThat(upgraded.status()).as(upgraded.toString()).isEqualTo(200);
            JsonNode report = upgraded.json();
            assertThat(report.get("latestVersion").asString()).isEqualTo(latest);
            JsonNode old = tenantIn(report, "old_release");
            assertThat(old.get("outcome").asString()).isEqualTo("UPGRADED");
            assertThat(old.get("fromVersion").asString()).isEqualTo("1");
            assertThat(old.get("toVersion").asString()).isEqualTo(latest);
            JsonNode broken = tenantIn(report, "broken_release");
            assertThat(broken.get("outcome").asString()).isEqualTo("FAILED");
            assertThat(broken.get("toVersion").asString()).as("left where it was").isEqualTo("1");
            assertThat(broken.get("error").asString()).contains("lead");
            assertThat(report.get("failed").asLong()).isEqualTo(1);
            assertThat(report.get("upgraded").asLong()).isGreaterThanOrEqualTo(1);
            report.get("tenants").forEach(t -> {
                if (!t.get("slug").asString().equals("broken_release")) {
                    assertThat(t.get("toVersion").asString()).as(t.toString()).isEqualTo(latest);
                }
            });
            assertThat(api().get("/api/platform/tenants/old_release", operator).json().get("schemaVersion").asString())
                    .isEqualTo(latest);
            assertThat(count("select count(*) from pg_publication_tables where pubname = 'storecrm_cdc'"
                    + " and schemaname = 'tenant_old_release' and tablename = 'lead'"))
                    .as("the upgrade put the old tenant into change data capture").isEqualTo(1);

            AdminApi.Response again = api().post("/api/platform/schema-upgrades", operator, "");
            assertThat(tenantIn(again.json(), "old_release").get("outcome").asString()).isEqualTo("UP_TO_DATE");

            owner.sql("drop schema tenant_broken_release cascade").update();
            migrations.migrate("tenant_broken_release");
        }

        @Test
        void onlyOperatorsMayUpgradeSchemas() {
            assertThat(api().post("/api/platform/schema-upgrades", null, "").status()).isEqualTo(401);
            JsonNode created = api().post("/api/platform/tenants", api().operatorToken(), tenant("upgrade_refused")).json();
            String tenantAdmin = api().bearerOf(api().token(created.get("adminClient").get("clientId").asString(),
                    created.get("adminClient").get("clientSecret").asString()));
            assertThat(api().post("/api/platform/schema-upgrades", tenantAdmin, "").status()).isEqualTo(403);
        }

        private JsonNode tenantIn(JsonNode report, String slug) {
            for (JsonNode tenant : report.get("tenants")) {
                if (tenant.get("slug").asString().equals(slug)) {
                    return tenant;
                }
            }
            throw new AssertionError("no " + slug + " in " + report);
        }
    }

    @Nested
    class OperatorApiAccess {

        @Test
        void refusesCallersWithoutTheOperatorScope() {
            assertThat(api().get("/api/platform/tenants", null).status()).isEqualTo(401);
            assertThat(api().get("/api/platform/tenants", "Bearer garbage").status()).isEqualTo(401);
            JsonNode created = api().post("/api/platform/tenants", api().operatorToken(), tenant("scope_check")).json();
            String tenantAdmin = api().bearerOf(api().token(created.get("adminClient").get("clientId").asString(),
                    created.get("adminClient").get("clientSecret").asString()));
            assertThat(api().get("/api/platform/tenants", tenantAdmin).status()).isEqualTo(403);
            assertThat(api().get("/api/tenant/users", api().operatorToken()).status()).isEqualTo(401);
        }

        @Test
        void operatorTokensAreForTheOperatorApisOnlyAndCarryNoTenant() {
            String jwt = api().operatorToken().substring("Bearer ".length());
            JsonNode claims = AdminApi.claimsOf(jwt);
            List<String> audiences = new java.util.ArrayList<>();
            claims.get("aud").forEach(a -> audiences.add(a.asString()));
            assertThat(audiences).as("tenant-admin onboards, analytics backfills").containsExactlyInAnyOrder("tenant-admin", "analytics");
            assertThat(claims.has("tenant")).isFalse();
            assertThat(claims.get("scope").toString()).contains("platform.admin");
        }

        @Test
        void refusesAWrongClientSecret() {
            assertThat(api().token("platform-operator", "wrong-secret").status()).isEqualTo(401);
        }
    }

    private long count(String sql) {
        return owner.sql(sql).query(Long.class).single();
    }

    private boolean schemaExists(String schema) {
        return count("select count(*) from pg_namespace where nspname = '" + schema + "'") == 1;
    }
}
