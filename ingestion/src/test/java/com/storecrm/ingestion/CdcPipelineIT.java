package com.storecrm.ingestion;

import static com.storecrm.ingestion.CdcTestSupport.TIMEOUT;
import static com.storecrm.ingestion.CdcTestSupport.awaitSameState;
import static com.storecrm.ingestion.CdcTestSupport.clickHouse;
import static com.storecrm.ingestion.CdcTestSupport.clickHouseRows;
import static com.storecrm.ingestion.CdcTestSupport.graph;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One running job, real PostgreSQL, ClickHouse and Flink: rows present before the start arrive
 * through the snapshot, later inserts, updates and deletes through the replication stream, and a
 * tenant onboarded while the job runs flows without a restart.
 */
class CdcPipelineIT {

    private static final String SLOT = "storecrm_cdc_pipeline_it";

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = CdcTestSupport.miniCluster(METRICS);

    @TempDir
    static Path checkpoints;

    private static JobClient job;
    private static TenantLeads alpha;
    private static TenantLeads beta;
    private static final List<UUID> alphaSeeded = new ArrayList<>();
    private static final List<UUID> betaSeeded = new ArrayList<>();

    @BeforeAll
    static void startJob(@InjectMiniCluster MiniCluster cluster) throws Exception {
        alpha = CdcTestSupport.tenant("cdc_alpha");
        beta = CdcTestSupport.tenant("cdc_beta");
        // present before the job starts: these arrive through the snapshot
        alpha.inTransaction(tx -> {
            for (int i = 0; i < 6; i++) {
                alphaSeeded.add(tx.insert(alpha.stores().get(i % 4), "Alpha seed " + i, "NEW"));
            }
            return null;
        });
        beta.inTransaction(tx -> {
            for (int i = 0; i < 4; i++) {
                betaSeeded.add(tx.insert(beta.stores().get(i % 4), "Beta seed " + i, "NEW"));
            }
            return null;
        });
        job = CdcTestSupport.start(cluster, CdcTestSupport.settings(SLOT, checkpoints), null);
        awaitSameState(alpha, beta);
        // progress is written at most once a second and at every checkpoint
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(clickHouse().query(
                "SELECT tenant, last_commit_at > now() - 600, lag_ms < 60000 FROM storecrm.cdc_progress FINAL"
                        + " WHERE tenant IN ('cdc_alpha', 'cdc_beta') ORDER BY tenant"))
                .as("tenants seen only through their snapshot are fresh as of the snapshot, not of 1970")
                .containsExactly("cdc_alpha\t1\t1", "cdc_beta\t1\t1"));
        CdcTestSupport.awaitCheckpoint(cluster, job.getJobID());
    }

    @AfterAll
    static void stopJob() throws Exception {
        if (job != null) {
            job.cancel().get();
            CdcTestSupport.dropSlot(SLOT);
        }
    }

    @Test
    void insertsUpdatesAndDeletesOfTwoTenantsArriveExactlyAsInPostgres() {
        List<UUID> a = new ArrayList<>();
        List<UUID> b = new ArrayList<>();
        alpha.inTransaction(tx -> {
            for (int i = 0; i < 8; i++) {
                a.add(tx.insert(alpha.stores().get(i % 4), "王芳 " + i, "NEW"));
            }
            return null;
        });
        beta.inTransaction(tx -> {
            for (int i = 0; i < 8; i++) {
                b.add(tx.insert(beta.stores().get((i + 1) % 4), "Beta lead " + i, "NEW"));
            }
            return null;
        });
        alpha.inTransaction(tx -> {
            tx.update(a.get(0), "CONTACTED", "first@example.com");
            tx.update(a.get(0), "QUALIFIED", "second@example.com"); // twice in one transaction
            tx.update(alphaSeeded.get(1), "CONTACTED", null);       // a snapshot row, updated
            tx.moveToStore(a.get(2), alpha.stores().get(3));       // to another store
            tx.delete(a.get(3));
            tx.delete(alphaSeeded.get(0));                         // a snapshot row, deleted
            return null;
        });
        beta.inTransaction(tx -> {
            UUID shortLived = tx.insert(beta.stores().get(0), "Inserted and deleted", "NEW");
            tx.update(shortLived, "CONTACTED", null);
            tx.delete(shortLived);                                  // never visible
            UUID insertedAndUpdated = tx.insert(beta.stores().get(2), "Inserted and updated", "NEW");
            tx.update(insertedAndUpdated, "LOST", "lost@example.com");
            tx.delete(b.get(5));
            tx.update(b.get(6), "CONVERTED", "won@example.com");
            tx.update(betaSeeded.get(2), "LOST", null);
            return null;
        });
        alpha.inTransaction(tx -> {
            tx.update(a.get(4), "CONVERTED", "alpha4@example.com");
            tx.delete(a.get(5));
            return null;
        });

        awaitSameState(alpha, beta);

        for (TenantLeads tenant : List.of(alpha, beta)) {
            String slug = tenant.tenant().slug();
            assertThat(perStore(clickHouseRows(slug))).as("leads per store of %s", slug).isEqualTo(perStore(tenant.rows()));
            assertThat(clickHouse().query("SELECT DISTINCT store_id FROM storecrm.lead FINAL WHERE tenant = '" + slug + "'"))
                    .as("every row of %s, deleted or not, carries one of its stores", slug)
                    .allSatisfy(store -> assertThat(tenant.stores()).contains(UUID.fromString(store)));
        }
        String alphaIds = quoted(alpha.rows());
        assertThat(clickHouse().query("SELECT count() FROM storecrm.lead WHERE tenant != 'cdc_alpha' AND id IN (" + alphaIds + ")"))
                .as("no alpha row under another tenant").containsExactly("0");
        assertThat(clickHouse().query("SELECT tenant, store_id, deleted FROM storecrm.lead FINAL WHERE id = '" + a.get(3) + "'"))
                .as("a delete is a versioned tombstone with its tenant and store")
                .containsExactly("cdc_alpha\t" + alpha.stores().get(3) + "\t1");
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(clickHouse().query(
                "SELECT tenant, last_lsn > 0, lag_ms < 60000 FROM storecrm.cdc_progress FINAL"
                        + " WHERE tenant IN ('cdc_alpha', 'cdc_beta') ORDER BY tenant"))
                .containsExactly("cdc_alpha\t1\t1", "cdc_beta\t1\t1"));
    }

    @Test
    void tenantOnboardedWhileTheJobRunsFlowsWithoutRestart(@InjectMiniCluster MiniCluster cluster) throws Exception {
        TenantLeads late = CdcTestSupport.tenant("cdc_late");
        List<UUID> ids = new ArrayList<>();
        late.inTransaction(tx -> {
            for (int i = 0; i < 5; i++) {
                ids.add(tx.insert(late.stores().get(i % 2), "Late lead " + i, "NEW"));
            }
            return null;
        });
        late.inTransaction(tx -> {
            tx.update(ids.get(0), "CONTACTED", "late@example.com");
            tx.delete(ids.get(1));
            return null;
        });

        awaitSameState(late);
        assertThat(clickHouseRows("cdc_late")).hasSize(4);
        assertThat(graph(cluster, job.getJobID()).getState()).isEqualTo(JobStatus.RUNNING);
        assertThat(graph(cluster, job.getJobID()).getStatusTimestamp(JobStatus.RESTARTING)).as("never restarted").isZero();
    }

    @Test
    void perTenantMetricsCountTheRowsAppliedForEachTenant() {
        long before = tenantCounter("cdc_beta", "rowsWritten");
        beta.inTransaction(tx -> {
            for (int i = 0; i < 7; i++) {
                tx.insert(beta.stores().get(i % 4), "Metered lead " + i, "NEW");
            }
            return null;
        });
        await().atMost(TIMEOUT).untilAsserted(() ->
                assertThat(tenantCounter("cdc_beta", "rowsWritten") - before).as("rows of cdc_beta applied").isEqualTo(7));
        assertThat(tenantMetric("cdc_beta", "lagMs")).as("a lag gauge per tenant").isInstanceOf(Gauge.class);
        assertThat(tenantMetric("cdc_beta", "batchRows")).isInstanceOf(Histogram.class);
        assertThat(tenantCounter("cdc_beta", "writeFailures")).isZero();
        assertThat(METRICS.getMetricsByIdentifiers(job.getJobID()).keySet())
                .as("no tenant group for a tenant that never changed").noneMatch(id -> id.contains(".tenant.cdc_nobody."));
    }

    private static long tenantCounter(String tenant, String name) {
        return ((Counter) tenantMetric(tenant, name)).getCount();
    }

    private static Metric tenantMetric(String tenant, String name) {
        return METRICS.getMetricsByIdentifiers(job.getJobID()).entrySet().stream()
                .filter(e -> e.getKey().endsWith(".tenant." + tenant + "." + name))
                .map(Map.Entry::getValue).findFirst().orElse(new SimpleCounter());
    }

    private static Map<String, Long> perStore(List<String> rows) {
        return rows.stream().collect(Collectors.groupingBy(row -> row.split("\t")[1], TreeMap::new, Collectors.counting()));
    }

    private static String quoted(List<String> rows) {
        return rows.stream().map(row -> "'" + row.split("\t")[0] + "'").collect(Collectors.joining(","));
    }
}
