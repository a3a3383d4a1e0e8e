package com.storecrm.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.storecrm.devstack.PlatformDatabase;
import com.storecrm.devstack.TenantFixtures;
import com.storecrm.warehouse.ClickHouseHttp;
import com.storecrm.warehouse.ClickHouseSchema;
import com.storecrm.warehouse.LocalClickHouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The real services every integration test of the job uses: embedded PostgreSQL, local ClickHouse, a MiniCluster. */
final class CdcTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CdcTestSupport.class);

    private static ClickHouseHttp clickHouse;
    private static TenantFixtures fixtures;

    private CdcTestSupport() {
    }

    static MiniClusterExtension miniCluster() {
        return miniCluster(new Configuration());
    }

    /** A MiniCluster whose job metrics the test can read. */
    static MiniClusterExtension miniCluster(InMemoryReporter metrics) {
        return miniCluster(metrics.addToConfiguration(new Configuration()));
    }

    private static MiniClusterExtension miniCluster(Configuration configuration) {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setConfiguration(configuration)
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(2)
                .build());
    }

    static PlatformDatabase database() {
        return timed("embedded PostgreSQL", PlatformDatabase::embedded);
    }

    static synchronized TenantFixtures fixtures() {
        if (fixtures == null) {
            fixtures = new TenantFixtures(database());
        }
        return fixtures;
    }

    static synchronized ClickHouseHttp clickHouse() {
        if (clickHouse == null) {
            clickHouse = timed("ClickHouse", () -> {
                ClickHouseHttp http = new ClickHouseHttp(LocalClickHouse.shared().url());
                ClickHouseSchema.migrate(http);
                return http;
            });
        }
        return clickHouse;
    }

    static TenantLeads tenant(String slug) {
        TenantFixtures fixtures = fixtures();
        return new TenantLeads(database().ownerDataSource(), timed("tenant " + slug, () -> fixtures.tenant(slug)));
    }

    private static <T> T timed(String what, java.util.function.Supplier<T> work) {
        long started = System.nanoTime();
        T result = work.get();
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (ms > 200) {
            LOG.info("{} ready in {} ms", what, ms);
        }
        return result;
    }

    /** Settings for a job on the shared database and ClickHouse, with its own slot and checkpoint folder. */
    static CdcSettings settings(String slot, Path checkpoints, String clickHouseUrl, String retryTimeout) {
        return settings(slot, checkpoints, Map.of("CLICKHOUSE_URL", clickHouseUrl, "CDC_CLICKHOUSE_RETRY_TIMEOUT", retryTimeout));
    }

    /** Settings on the shared database with their own slot and checkpoint folder, plus {@code overrides}. */
    static CdcSettings settings(String slot, Path checkpoints, Map<String, String> overrides) {
        PlatformDatabase db = database();
        Map<String, String> env = new HashMap<>();
        env.put("PLATFORM_DB_URL", db.jdbcUrl());
        env.put("PLATFORM_DB_CDC_USER", db.cdcUser());
        env.put("PLATFORM_DB_CDC_PASSWORD", db.cdcPassword());
        env.put("CDC_SLOT_NAME", slot);
        env.put("CDC_CHECKPOINT_DIR", checkpoints.toUri().toString());
        env.put("CDC_CHECKPOINT_INTERVAL", "500ms");
        env.putAll(overrides);
        return CdcSettings.from(env);
    }

    static CdcSettings settings(String slot, Path checkpoints) {
        return settings(slot, checkpoints, clickHouse().url(), "30s");
    }

    /** Submits the job to the test MiniCluster, restored from {@code restorePath} when given. */
    static JobClient start(MiniCluster cluster, CdcSettings settings, Path restorePath) throws Exception {
        Configuration configuration = CdcJob.flinkConfiguration(settings);
        if (restorePath != null) {
            configuration.set(StateRecoveryOptions.SAVEPOINT_PATH, restorePath.toUri().toString());
        }
        return CdcJob.start(new TestStreamEnvironment(cluster, configuration, settings.parallelism(), List.of(), List.of()),
                settings);
    }

    static AccessExecutionGraph graph(MiniCluster cluster, JobID job) throws Exception {
        return cluster.getExecutionGraph(job).get();
    }

    /** Waits until the job's first checkpoint after now has completed (the source is then past its start). */
    static void awaitCheckpoint(MiniCluster cluster, JobID job) throws Exception {
        long completed = graph(cluster, job).getCheckpointStatsSnapshot().getCounts().getNumberOfCompletedCheckpoints();
        await().atMost(TIMEOUT).until(() -> graph(cluster, job).getCheckpointStatsSnapshot().getCounts()
                .getNumberOfCompletedCheckpoints() > completed);
    }

    /** The tenant's live leads in ClickHouse (FINAL, not deleted), as TabSeparated lines. */
    static List<String> clickHouseRows(String tenant) {
        return clickHouse().query("SELECT " + TenantLeads.CLICKHOUSE_COLUMNS + " FROM storecrm.lead FINAL"
                + " WHERE tenant = '" + tenant + "' AND deleted = 0");
    }

    /** Waits until ClickHouse holds exactly the tenant's PostgreSQL leads, then checks it once more. */
    static void awaitSameState(TenantLeads... tenants) {
        for (TenantLeads tenant : tenants) {
            List<String> expected = tenant.rows();
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    assertThat(clickHouseRows(tenant.tenant().slug())).containsExactlyInAnyOrderElementsOf(expected));
        }
    }

    /** Drops a replication slot once its walsender let go of it, so WAL is not kept for a finished test. */
    static void dropSlot(String slot) {
        await().atMost(TIMEOUT).until(() -> !Boolean.TRUE.equals(slotActive(slot)));
        try (Connection connection = database().ownerDataSource().getConnection();
             PreparedStatement drop = connection.prepareStatement(
                     "select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name like ?")) {
            drop.setString(1, slot + "%");
            drop.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Boolean slotActive(String slot) throws SQLException {
        try (Connection connection = database().ownerDataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("select active from pg_replication_slots where slot_name = ?")) {
            query.setString(1, slot);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        }
    }
}
