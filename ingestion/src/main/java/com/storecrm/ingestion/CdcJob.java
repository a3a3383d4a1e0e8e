package com.storecrm.ingestion;

import com.storecrm.warehouse.ClickHouseHttp;
import com.storecrm.warehouse.ClickHouseSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.cdc.connectors.base.options.StartupOptions;
import org.apache.flink.cdc.connectors.postgres.source.PostgresSourceBuilder;
import org.apache.flink.cdc.connectors.postgres.source.PostgresSourceBuilder.PostgresIncrementalSource;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Change data capture of every tenant schema into ClickHouse.
 *
 * <p>Source: the incremental-snapshot {@code PostgresIncrementalSource} (FLIP-27) over pgoutput and
 * the existing publication {@code storecrm_cdc}, schemas {@code tenant_.*}, the tables the warehouse
 * mirrors ({@link ClickHouseSchema#MIRRORED_TABLES}). A tenant onboarded while the job runs needs no
 * restart: its migration adds its tables to the publication, and with {@code scan.newly-added-table} off the stream reader emits changes of
 * any table that matches the filters and had no snapshot (a new schema starts empty, so the stream
 * carries all of its rows). Sink: {@link ClickHouseSink}.
 *
 * <p>Run with {@code --local} for an in-process MiniCluster (what {@code ./platform run} starts; it
 * resumes from the newest checkpoint a previous run retained), without it as a Flink application
 * (FlinkDeployment). Settings: {@link CdcSettings}.
 */
public final class CdcJob {

    private static final Logger LOG = LoggerFactory.getLogger(CdcJob.class);

    public static final String JOB_NAME = "storecrm-cdc";
    public static final String RUNNING = "is running";
    public static final String TENANT_SCHEMAS = "tenant_.*";
    /**
     * The tenant tables the warehouse mirrors, in every tenant schema. The publication carries every
     * operational table; the job snapshots and reads only what analytics has a table for.
     */
    public static final String TENANT_TABLES = "tenant_[a-z0-9_]+\\.(" + String.join("|", ClickHouseSchema.MIRRORED_TABLES) + ")";
    /** Slot commits trail checkpoints by this many, so a restore from a slightly older retained checkpoint still finds its WAL. */
    static final int LSN_COMMIT_CHECKPOINT_DELAY = 3;

    private CdcJob() {
    }

    public static void main(String[] args) throws Exception {
        CdcSettings settings = CdcSettings.from(System.getenv(), args);
        LOG.info("starting {} with {}", JOB_NAME, settings);
        prepareWarehouse(settings);
        Configuration configuration = flinkConfiguration(settings);
        if (settings.local()) {
            resumeFromRetainedCheckpoint(settings, configuration);
            JobClient job = start(StreamExecutionEnvironment.createLocalEnvironment(settings.parallelism(), configuration),
                    settings);
            // ./platform run waits for this line before it reports the platform as up
            LOG.info("{} {} as job {}", JOB_NAME, RUNNING, job.getJobID());
            job.getJobExecutionResult().get();
        } else {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
            build(env, settings);
            env.execute(JOB_NAME);
        }
    }

    /** Applies the warehouse DDL (idempotent) so the job can start before the analytics service. */
    static void prepareWarehouse(CdcSettings settings) {
        try {
            ClickHouseSchema.migrate(new ClickHouseHttp(settings.clickHouseUrl(), settings.clickHouseUser(),
                    settings.clickHousePassword()));
        } catch (RuntimeException e) {
            LOG.warn("could not apply the ClickHouse schema at start ({}); the sink retries its writes", e.getMessage());
        }
    }

    /** Starts the job on {@code env} without waiting for it (tests, embedding). */
    public static JobClient start(StreamExecutionEnvironment env, CdcSettings settings) throws Exception {
        build(env, settings);
        return env.executeAsync(JOB_NAME);
    }

    /** Checkpointing, restart strategy and state settings of the job. */
    public static Configuration flinkConfiguration(CdcSettings settings) {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, settings.checkpointInterval());
        // Results are idempotent (versioned upserts), so barriers need no alignment.
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.AT_LEAST_ONCE);
        conf.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, Duration.ofMinutes(2));
        conf.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, Duration.ofMillis(
                Math.min(500, settings.checkpointInterval().toMillis() / 2)));
        conf.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, 3);
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, LSN_COMMIT_CHECKPOINT_DELAY + 1);
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, settings.checkpointDir());
        conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, Duration.ofSeconds(1));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, Duration.ofSeconds(30));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER, 2.0);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD, Duration.ofMinutes(5));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR, 0.1);
        conf.set(PipelineOptions.OBJECT_REUSE, true);
        conf.set(PipelineOptions.NAME, JOB_NAME);
        return conf;
    }

    /** Local runs pick up where the previous one stopped (its checkpoint was retained on cancel or kill). */
    static Optional<Path> resumeFromRetainedCheckpoint(CdcSettings settings, Configuration configuration) {
        Optional<Path> latest = RetainedCheckpoints.forRestore(settings.checkpointDir());
        latest.ifPresentOrElse(checkpoint -> {
            LOG.info("resuming from retained checkpoint {}", checkpoint);
            configuration.set(StateRecoveryOptions.SAVEPOINT_PATH, checkpoint.toUri().toString());
        }, () -> LOG.info("no retained checkpoint under {}: starting with a snapshot of every tenant table",
                settings.checkpointDir()));
        return latest;
    }

    /** Source -> sink, both with stable uids so checkpoints and savepoints map across versions. */
    public static void build(StreamExecutionEnvironment env, CdcSettings settings) {
        env.fromSource(source(settings), WatermarkStrategy.noWatermarks(), "postgres-cdc")
                .uid("postgres-cdc-source")
                .setParallelism(settings.parallelism())
                .sinkTo(new ClickHouseSink(settings))
                .uid("clickhouse-sink")
                .name("clickhouse")
                .setParallelism(settings.parallelism());
    }

    static PostgresIncrementalSource<ChangeEvent> source(CdcSettings settings) {
        Properties debezium = new Properties();
        debezium.setProperty("publication.name", settings.publication());
        debezium.setProperty("publication.autocreate.mode", "disabled");
        debezium.setProperty("decimal.handling.mode", "string");
        debezium.setProperty("poll.interval.ms", String.valueOf(settings.pollInterval().toMillis()));
        debezium.setProperty("max.batch.size", "4096");
        debezium.setProperty("max.queue.size", "16384");
        return PostgresSourceBuilder.PostgresIncrementalSource.<ChangeEvent>builder()
                .hostname(settings.dbHost())
                .port(settings.dbPort())
                .database(settings.dbName())
                .schemaList(TENANT_SCHEMAS)
                .tableList(TENANT_TABLES)
                .username(settings.dbUser())
                .password(settings.dbPassword())
                .slotName(settings.slotName())
                .decodingPluginName("pgoutput")
                .debeziumProperties(debezium)
                .deserializer(new ChangeEventDeserializer())
                .startupOptions(StartupOptions.initial())
                // Without backfill a snapshot chunk is the table as read, and every change after the
                // chunk's low watermark is replayed from the stream. That is at-least-once, which the
                // versioned sink absorbs (a replayed change's LSN beats a snapshot row's version 0).
                // With backfill a chunk re-read after a restore cannot retract a row it emitted before
                // the failure and that was deleted meanwhile: the delete was lost (CdcRecoveryIT).
                .skipSnapshotBackfill(true)
                .splitSize(8096)
                .fetchSize(1024)
                .heartbeatInterval(Duration.ofSeconds(10))
                .scanNewlyAddedTableEnabled(false)
                .lsnCommitCheckpointsDelay(LSN_COMMIT_CHECKPOINT_DELAY)
                .connectionPoolSize(4)
                .build();
    }
}
