package com.storecrm.ingestion;

import static com.storecrm.ingestion.CdcTestSupport.awaitCheckpoint;
import static com.storecrm.ingestion.CdcTestSupport.awaitSameState;
import static com.storecrm.ingestion.CdcTestSupport.clickHouse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.storecrm.devstack.PlatformDatabase;
import com.storecrm.devstack.ServiceProcess;
import com.storecrm.devstack.TokenMinter;
import com.storecrm.tenancy.PlatformRole;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path a change takes: committed in PostgreSQL, captured by the job, applied to
 * ClickHouse, served by the real analytics service (its built jar, as a process) to callers with
 * different scopes. A store user's lead report shows exactly PostgreSQL's final state of their
 * stores; HQ sees every store of its tenant; the other tenant's leads never appear.
 */
class PipelineToKanbanIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TokenMinter TOKENS = new TokenMinter();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = CdcTestSupport.miniCluster();

    @Test
    void theLeadReportShowsPostgresFinalStateWithinEachCallersScope(@InjectMiniCluster MiniCluster cluster,
            @TempDir Path checkpoints, @TempDir Path logs) throws Exception {
        String slot = "storecrm_cdc_kanban_it";
        TenantLeads one = CdcTestSupport.tenant("e2e_one");
        TenantLeads two = CdcTestSupport.tenant("e2e_two");
        List<UUID> repStores = one.stores().subList(0, 2);
        String rep = TOKENS.forUser("e2e_one", CdcTestSupport.fixtures().user(one.tenant(), "rep", PlatformRole.SALES_REP,
                repStores)).bearer();
        String hq = TOKENS.forUser("e2e_one", CdcTestSupport.fixtures().user(one.tenant(), "hq", PlatformRole.HQ_MANAGER,
                List.of())).bearer();
        String otherHq = TOKENS.forUser("e2e_two", CdcTestSupport.fixtures().user(two.tenant(), "hq", PlatformRole.HQ_MANAGER,
                List.of())).bearer();
        clickHouse();
        JobClient job = CdcTestSupport.start(cluster, CdcTestSupport.settings(slot, checkpoints), null);
        try (ServiceProcess analytics = startAnalytics(logs)) {
            awaitCheckpoint(cluster, job.getJobID());
            changeLeads(one);
            changeLeads(two);
            awaitSameState(one, two);
            analytics.awaitReady(Duration.ofMinutes(2));

            assertThat(report(analytics, hq)).as("HQ: every store of its tenant").isEqualTo(countsOf(one, one.stores()));
            assertThat(report(analytics, rep)).as("a rep: their two stores only").isEqualTo(countsOf(one, repStores));
            Map<String, Long> otherTenant = report(analytics, otherHq);
            assertThat(otherTenant).isEqualTo(countsOf(two, two.stores()));
            assertThat(otherTenant.keySet()).noneMatch(key -> one.stores().stream().anyMatch(s -> key.startsWith(s.toString())));

            JsonNode freshness = get(analytics, "/api/kanban/freshness", rep);
            assertThat(freshness.get("lastChangeAt").isNull()).as("the job reported progress for the tenant").isFalse();
            assertThat(freshness.get("lagMillis").asLong()).isNotNegative();
        } finally {
            job.cancel().get();
            CdcTestSupport.dropSlot(slot);
        }
    }

    /** Inserts across all four stores, then updates, a move between stores and deletes. */
    private static void changeLeads(TenantLeads tenant) {
        List<UUID> ids = new ArrayList<>();
        tenant.inTransaction(tx -> {
            for (int i = 0; i < 12; i++) {
                ids.add(tx.insert(tenant.stores().get(i % 4), "Lead " + i, i % 3 == 0 ? "PENDING" : "UNASSIGNED"));
            }
            return null;
        });
        tenant.inTransaction(tx -> {
            tx.update(ids.get(0), "IN_PROGRESS", "first@example.com");
            tx.update(ids.get(5), "CONVERTED", null);
            tx.moveToStore(ids.get(6), tenant.stores().get(1));
            tx.delete(ids.get(7));
            tx.delete(ids.get(1));
            return null;
        });
    }

    /** "storeId status" -> count of PostgreSQL's current leads in the given stores. */
    private static Map<String, Long> countsOf(TenantLeads tenant, Collection<UUID> stores) {
        Set<String> storeIds = stores.stream().map(UUID::toString).collect(Collectors.toSet());
        return tenant.rows().stream().map(row -> row.split("\t"))
                .filter(columns -> storeIds.contains(columns[1]))
                .collect(Collectors.groupingBy(columns -> columns[1] + " " + columns[9], TreeMap::new, Collectors.counting()));
    }

    private static Map<String, Long> report(ServiceProcess analytics, String bearer) {
        Map<String, Long> counts = new TreeMap<>();
        get(analytics, "/api/kanban/leads", bearer).forEach(row ->
                counts.merge(row.get("storeId").asText() + " " + row.get("status").asText(), row.get("count").asLong(), Long::sum));
        return counts;
    }

    private static JsonNode get(ServiceProcess analytics, String path, String bearer) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(analytics.url() + path))
                    .header("Authorization", bearer).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The analytics service from its built jar (the reactor builds analytics before ingestion). */
    private static ServiceProcess startAnalytics(Path logs) throws IOException {
        Path target = Path.of("..", "analytics", "target").toAbsolutePath().normalize();
        Path jar;
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(p -> p.getFileName().toString().matches("analytics-.*-SNAPSHOT\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no analytics jar in " + target + ": build analytics first"));
        }
        PlatformDatabase db = CdcTestSupport.database();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> env = Map.of(
                "ANALYTICS_PORT", String.valueOf(port),
                "PLATFORM_DB_URL", db.jdbcUrl(),
                "PLATFORM_DB_APP_USER", db.appUser(),
                "PLATFORM_DB_APP_PASSWORD", db.appPassword(),
                "PLATFORM_ISSUER", TokenMinter.ISSUER,
                "PLATFORM_SECURITY_PUBLICKEY", "file:" + TOKENS.publicKeyFile(),
                "CLICKHOUSE_URL", clickHouse().url(),
                "LOG_FORMAT", "logstash");
        return ServiceProcess.start("analytics", jar, port, env, logs);
    }
}
