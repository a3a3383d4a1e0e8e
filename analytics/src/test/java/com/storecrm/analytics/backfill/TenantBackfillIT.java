package com.storecrm.analytics.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.storecrm.devstack.PlatformDatabase;
import com.storecrm.devstack.TenantFixtures;
import com.storecrm.devstack.TokenMinter;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.catalog.ProvisionedTenant;
import com.storecrm.warehouse.ClickHouseHttp;
import com.storecrm.warehouse.LocalClickHouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backfill and reconciliation against the real service, embedded PostgreSQL and ClickHouse: a
 * tenant rebuilt into an empty warehouse reconciles with zero differences; differences injected into
 * ClickHouse are reported by store and id and repaired by the next backfill; a run that dies mid-way
 * continues where it stopped without duplicates; other tenants' rows are never touched. Chunks of 50
 * rows keep the runs short and several chunks long.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(TenantBackfillIT.Hooks.class)
class TenantBackfillIT {

    static final PlatformDatabase DATABASE = PlatformDatabase.embedded();
    static final LocalClickHouse CLICKHOUSE = LocalClickHouse.shared();
    static final TokenMinter TOKENS = new TokenMinter();
    static final TenantFixtures FIXTURES = new TenantFixtures(DATABASE);
    static final TenantLeads LEADS = new TenantLeads(DATABASE);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @TestConfiguration(proxyBeanMethods = false)
    static class Hooks {
        @Bean
        ChunkHook chunkHook() {
            return new ChunkHook();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ChunkHook hook;

    final ClickHouseHttp clickHouse = new ClickHouseHttp(CLICKHOUSE.url());
    final String operator = TOKENS.forOperator().bearer();

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", DATABASE::appUser);
        registry.add("spring.datasource.password", DATABASE::appPassword);
        registry.add("platform.security.issuer", () -> TokenMinter.ISSUER);
        registry.add("platform.security.public-key", () -> "file:" + TOKENS.publicKeyFile());
        registry.add("platform.clickhouse.url", CLICKHOUSE::url);
        registry.add("platform.backfill.chunk-size", () -> "50");
        registry.add("platform.backfill.reconcile-page", () -> "40");
    }

    @Test
    void rebuildsATenantIntoAnEmptyWarehouseReportsInjectedDifferencesAndRepairsThem() {
        ProvisionedTenant tenant = FIXTURES.tenant("bf_main");
        ProvisionedTenant other = FIXTURES.tenant("bf_bystander");
        List<TenantLeads.Lead> leads = LEADS.insert(tenant, 120);
        clickHouse.insertJsonEachRow("storecrm.lead", List.of(
                warehouseRow("bf_bystander", UUID.randomUUID().toString(), other.stores().get(0).id().toString(), "PENDING", 7, 0),
                warehouseRow("bf_bystander", UUID.randomUUID().toString(), other.stores().get(1).id().toString(), "WON", 9, 0)));
        List<String> bystanderBefore = rawRows("bf_bystander");
        assertThat(currentCount("bf_main")).isZero();

        JsonNode first = finished(backfill("bf_main"));
        assertThat(first.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(first.get("readCount").asLong()).isEqualTo(120);
        assertThat(stepsOf(first)).containsExactly("lead.tombstones COMPLETED 0 0", "lead.copy COMPLETED 120 120");
        long startLsn = first.get("startLsn").asLong();
        assertThat(currentCount("bf_main")).isEqualTo(120);
        assertThat(clickHouse.query("SELECT DISTINCT version FROM storecrm.lead WHERE tenant = 'bf_main'"))
                .containsExactly(String.valueOf(startLsn));

        JsonNode clean = reconcile("bf_main");
        assertThat(clean.get("differences").asLong()).isZero();
        JsonNode leadTable = clean.get("tables").get(0);
        assertThat(leadTable.get("table").asString()).isEqualTo("lead");
        assertThat(leadTable.get("postgresCount").asLong()).isEqualTo(120);
        assertThat(leadTable.get("warehouseCount").asLong()).isEqualTo(120);
        assertThat(storeCounts(leadTable)).isEqualTo(expectedStoreCounts(tenant, leads));

        // Differences as a faulty pipeline would leave them: a lead hidden, a lead that never existed,
        // a lead with a wrong status, each written as a change after the backfill (higher version).
        TenantLeads.Lead hidden = leads.get(4);
        TenantLeads.Lead changed = leads.get(9);
        String phantom = UUID.randomUUID().toString();
        String phantomStore = tenant.stores().get(2).id().toString();
        clickHouse.execute(copyOf("bf_main", hidden.id(), startLsn + 1, 1, null));
        clickHouse.execute(copyOf("bf_main", changed.id(), startLsn + 1, 0, "LOST_IN_TRANSIT"));
        clickHouse.insertJsonEachRow("storecrm.lead", List.of(warehouseRow("bf_main", phantom, phantomStore, "PENDING", startLsn + 1, 0)));

        JsonNode broken = reconcile("bf_main");
        assertThat(broken.get("differences").asLong()).isEqualTo(3);
        JsonNode brokenLeads = broken.get("tables").get(0);
        assertThat(brokenLeads.get("postgresCount").asLong()).isEqualTo(120);
        assertThat(brokenLeads.get("warehouseCount").asLong()).isEqualTo(120);
        assertThat(differencesOf(brokenLeads)).containsExactlyInAnyOrder(
                hidden.storeId() + " missing " + hidden.id(),
                phantomStore + " extra " + phantom,
                changed.storeId() + " different " + changed.id());

        // A lead deleted in PostgreSQL meanwhile (the pipeline missed it too): the next backfill hides it.
        TenantLeads.Lead removed = leads.get(20);
        LEADS.delete(tenant, removed.id());
        assertThat(restartStatus(first.get("executionId").asLong())).isEqualTo(409);

        JsonNode second = finished(backfill("bf_main"));
        assertThat(second.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(second.get("startLsn").asLong()).isGreaterThan(startLsn + 1);
        assertThat(stepsOf(second)).containsExactly("lead.tombstones COMPLETED 0 120", "lead.copy COMPLETED 119 119");
        JsonNode repaired = reconcile("bf_main");
        assertThat(repaired.get("differences").asLong()).isZero();
        assertThat(repaired.get("tables").get(0).get("warehouseCount").asLong()).isEqualTo(119);
        assertThat(clickHouse.query("SELECT count() FROM (SELECT deleted FROM storecrm.lead FINAL WHERE tenant = 'bf_main' AND id = '"
                + removed.id() + "') WHERE deleted = 1")).containsExactly("1");

        assertThat(rawRows("bf_bystander")).isEqualTo(bystanderBefore);
        assertThat(reconcile("bf_bystander").get("differences").asLong()).isEqualTo(2);
    }

    @Test
    void aRunThatDiesMidWayContinuesAfterItsLastCommittedChunkWithoutDuplicates() {
        ProvisionedTenant tenant = FIXTURES.tenant("bf_restart");
        LEADS.insert(tenant, 230);
        String stale = UUID.randomUUID().toString();
        clickHouse.insertJsonEachRow("storecrm.lead", List.of(
                warehouseRow("bf_restart", stale, tenant.stores().get(3).id().toString(), "PENDING", 5, 0)));
        hook.failOnce("bf_restart", 3);

        JsonNode failed = finished(backfill("bf_restart"));
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        // The failed run counts the chunk ClickHouse took before the failure; only two chunks committed.
        assertThat(stepsOf(failed)).containsExactly("lead.tombstones COMPLETED 0 1", "lead.copy FAILED 150 150");
        long startLsn = failed.get("startLsn").asLong();

        HttpResponse<String> restart = send("POST", "/api/platform/backfills/" + failed.get("executionId").asLong() + "/restart", operator);
        assertThat(restart.statusCode()).as(restart.body()).isEqualTo(202);
        JsonNode resumed = finished(JSON.readTree(restart.body()));
        assertThat(resumed.get("executionId").asLong()).isNotEqualTo(failed.get("executionId").asLong());
        assertThat(resumed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(resumed.get("startLsn").asLong()).isEqualTo(startLsn);
        assertThat(stepsOf(resumed)).containsExactly("lead.copy COMPLETED 130 130");

        // Chunk 3 reached ClickHouse twice, with identical rows at the same version: they collapse.
        assertThat(currentCount("bf_restart")).isEqualTo(230);
        assertThat(clickHouse.query("SELECT uniqExact(id), count() <= 280, max(version) FROM storecrm.lead"
                + " WHERE tenant = 'bf_restart' AND version = " + startLsn)).containsExactly("230\t1\t" + startLsn);
        assertThat(clickHouse.query("SELECT count() FROM storecrm.lead WHERE tenant = 'bf_restart' AND version > " + startLsn))
                .containsExactly("0");
        assertThat(clickHouse.query("SELECT version, deleted FROM storecrm.lead FINAL WHERE tenant = 'bf_restart' AND id = '" + stale + "'"))
                .containsExactly((startLsn - 1) + "\t1");
        assertThat(reconcile("bf_restart").get("differences").asLong()).isZero();
    }

    @Test
    void aRunLeftRunningByAKilledProcessIsTakenOverOnceItStopsAdvancing() {
        ProvisionedTenant tenant = FIXTURES.tenant("bf_crash");
        LEADS.insert(tenant, 120);
        hook.failOnce("bf_crash", 2);
        long executionId = finished(backfill("bf_crash")).get("executionId").asLong();

        // What a killed process leaves behind: the run and its copy step still recorded as running.
        recordAsRunning(executionId, Duration.ofSeconds(5));
        assertThat(restartStatus(executionId)).isEqualTo(409);
        assertThat(send("POST", "/api/platform/tenants/bf_crash/backfill", operator).statusCode()).isEqualTo(409);
        recordAsRunning(executionId, Duration.ofMinutes(10));

        HttpResponse<String> restart = send("POST", "/api/platform/backfills/" + executionId + "/restart", operator);
        assertThat(restart.statusCode()).as(restart.body()).isEqualTo(202);
        JsonNode resumed = finished(JSON.readTree(restart.body()));
        assertThat(resumed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(stepsOf(resumed)).containsExactly("lead.copy COMPLETED 70 70");
        assertThat(status(executionId).get("status").asString()).isEqualTo("FAILED");
        assertThat(currentCount("bf_crash")).isEqualTo(120);
        assertThat(reconcile("bf_crash").get("differences").asLong()).isZero();
    }

    @Test
    void oneRunPerTenantAtATime() throws InterruptedException {
        ProvisionedTenant tenant = FIXTURES.tenant("bf_busy");
        LEADS.insert(tenant, 60);
        CountDownLatch held = hook.hold("bf_busy");
        JsonNode running = backfill("bf_busy");
        try {
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            HttpResponse<String> second = send("POST", "/api/platform/tenants/bf_busy/backfill", operator);
            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(second.body()).get("detail").asString()).contains("is running");
            assertThat(restartStatus(running.get("executionId").asLong())).isEqualTo(409);
        } finally {
            hook.letGo();
        }
        assertThat(finished(running).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(reconcile("bf_busy").get("differences").asLong()).isZero();
    }

    @Test
    void onlyPlatformOperatorsMayUseTheOperatorApi() {
        ProvisionedTenant tenant = FIXTURES.tenant("bf_guarded");
        String tenantHq = TOKENS.forUser(tenant.slug(), FIXTURES.user(tenant, "hq", PlatformRole.HQ_MANAGER, List.of())).bearer();
        String otherAudience = TOKENS.forOperator().audience("tenant-admin").bearer();
        for (String[] call : new String[][] {{"POST", "/api/platform/tenants/bf_guarded/backfill"},
                {"POST", "/api/platform/tenants/bf_guarded/reconciliation"}, {"GET", "/api/platform/backfills/1"}}) {
            assertThat(send(call[0], call[1], null).statusCode()).as(call[1]).isEqualTo(401);
            assertThat(send(call[0], call[1], otherAudience).statusCode()).as(call[1]).isEqualTo(401);
            assertThat(send(call[0], call[1], tenantHq).statusCode()).as(call[1]).isEqualTo(403);
        }
        assertThat(send("GET", "/api/kanban/leads", operator).statusCode()).isEqualTo(401);

        HttpResponse<String> unknown = send("POST", "/api/platform/tenants/no_such_tenant/backfill", operator);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(JSON.readTree(unknown.body()).get("detail").asString()).isEqualTo("tenant no_such_tenant not found");
        assertThat(send("POST", "/api/platform/tenants/no_such_tenant/reconciliation", operator).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/platform/backfills/987654321", operator).statusCode()).isEqualTo(404);
    }

    // --- operator API ---

    private JsonNode backfill(String slug) {
        HttpResponse<String> response = send("POST", "/api/platform/tenants/" + slug + "/backfill", operator);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode accepted = JSON.readTree(response.body());
        assertThat(response.headers().firstValue("Location"))
                .hasValue("/api/platform/backfills/" + accepted.get("executionId").asLong());
        return accepted;
    }

    private JsonNode finished(JsonNode accepted) {
        long id = accepted.get("executionId").asLong();
        return await().atMost(PATIENCE).until(() -> status(id),
                s -> List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(s.get("status").asString()));
    }

    private JsonNode status(long executionId) {
        HttpResponse<String> response = send("GET", "/api/platform/backfills/" + executionId, operator);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private int restartStatus(long executionId) {
        return send("POST", "/api/platform/backfills/" + executionId + "/restart", operator).statusCode();
    }

    private JsonNode reconcile(String slug) {
        HttpResponse<String> response = send("POST", "/api/platform/tenants/" + slug + "/reconciliation", operator);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> stepsOf(JsonNode status) {
        List<String> steps = new ArrayList<>();
        status.get("steps").forEach(s -> steps.add(s.get("name").asString() + " " + s.get("status").asString() + " "
                + s.get("readCount").asLong() + " " + s.get("writeCount").asLong()));
        return steps;
    }

    private static Map<String, String> storeCounts(JsonNode table) {
        Map<String, String> counts = new TreeMap<>();
        table.get("stores").forEach(s -> counts.put(s.get("storeId").asString(),
                s.get("postgresCount").asLong() + "/" + s.get("warehouseCount").asLong()));
        return counts;
    }

    private static Map<String, String> expectedStoreCounts(ProvisionedTenant tenant, List<TenantLeads.Lead> leads) {
        Map<String, Long> perStore = leads.stream().collect(Collectors.groupingBy(TenantLeads.Lead::storeId, Collectors.counting()));
        Map<String, String> counts = new TreeMap<>();
        tenant.stores().forEach(s -> {
            long n = perStore.getOrDefault(s.id().toString(), 0L);
            counts.put(s.id().toString(), n + "/" + n);
        });
        return counts;
    }

    /** Every reported difference as "store kind id". */
    private static List<String> differencesOf(JsonNode table) {
        List<String> found = new ArrayList<>();
        table.get("stores").forEach(store -> {
            for (String kind : List.of("missing", "extra", "different")) {
                JsonNode differences = store.get(kind);
                assertThat(differences.get("sampleIds").size()).isEqualTo(differences.get("count").asInt());
                differences.get("sampleIds").forEach(id -> found.add(store.get("storeId").asString() + " " + kind + " " + id.asString()));
            }
        });
        return found;
    }

    /** Marks a finished run as still running in its copy step, last advanced {@code ago}, as a crash leaves it. */
    private static void recordAsRunning(long executionId, Duration ago) {
        JdbcClient owner = JdbcClient.create(DATABASE.ownerDataSource());
        owner.sql("update public.batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN', end_time = null,"
                + " last_updated = localtimestamp - make_interval(secs => :ago) where job_execution_id = :id")
                .param("ago", ago.toSeconds()).param("id", executionId).update();
        owner.sql("update public.batch_step_execution set status = 'STARTED', exit_code = 'EXECUTING', end_time = null"
                + " where job_execution_id = :id and step_name = 'lead.copy'").param("id", executionId).update();
        owner.sql("update public.batch_step_execution set last_updated = localtimestamp - make_interval(secs => :ago)"
                + " where job_execution_id = :id").param("ago", ago.toSeconds()).param("id", executionId).update();
    }

    // --- ClickHouse, written and read directly ---

    private long currentCount(String tenant) {
        return Long.parseLong(clickHouse.query("SELECT count() FROM (SELECT deleted FROM storecrm.lead FINAL WHERE tenant = '"
                + tenant + "') WHERE deleted = 0").get(0));
    }

    private List<String> rawRows(String tenant) {
        return clickHouse.query("SELECT * FROM storecrm.lead WHERE tenant = '" + tenant + "' ORDER BY id, version");
    }

    /** A new version of a lead as the pipeline would write it, optionally deleted or with another status. */
    private static String copyOf(String tenant, String id, long version, int deleted, String status) {
        return "INSERT INTO storecrm.lead SELECT tenant, id, store_id, name, company, phone, email, source, campaign_id, pool_id, "
                + (status == null ? "status" : "'" + status + "'") + ", owner_id, created_at, created_by, updated_at, updated_by, "
                + "toUInt64(" + version + "), toUInt8(" + deleted + "), committed_at, now() FROM storecrm.lead FINAL"
                + " WHERE tenant = '" + tenant + "' AND id = '" + id + "'";
    }

    private static String warehouseRow(String tenant, String id, String store, String status, long version, int deleted) {
        return "{\"tenant\":\"" + tenant + "\",\"id\":\"" + id + "\",\"store_id\":\"" + store + "\",\"name\":\"n\",\"status\":\""
                + status + "\",\"created_at\":\"2026-11-24 09:00:00\",\"updated_at\":\"2026-11-24 09:00:00\",\"version\":"
                + version + ",\"deleted\":" + deleted + ",\"committed_at\":\"2026-11-24 09:00:00\"}";
    }

    private HttpResponse<String> send(String method, String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
