package com.storecrm.bench;

import com.storecrm.bench.ChangePlan.Change;
import com.storecrm.bench.ChangePlan.Kind;
import com.storecrm.devstack.PlatformDatabase;
import com.storecrm.devstack.ServiceProcess;
import com.storecrm.devstack.TenantFixtures;
import com.storecrm.tenancy.catalog.ProvisionedTenant;
import com.storecrm.warehouse.ClickHouseHttp;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Change data capture from PostgreSQL through the Flink job into ClickHouse (issue 4), on a fresh
 * platform without services: embedded PostgreSQL and ClickHouse on free ports, the CDC job from its
 * shaded jar in its own JVM, as {@code ./platform run} starts it ({@code --local}, a MiniCluster).
 *
 * <ol>
 *   <li><b>Snapshot</b>: one tenant with 1,000,000 leads exists before the job's first start (new
 *       slot, no checkpoint): time until all its rows are in ClickHouse. It runs first, so the
 *       snapshot reads that tenant alone and not the rows the later phases write.</li>
 *   <li>50 tenants (4 stores each) are then onboarded while the job runs, as tenants are, and get 20
 *       leads each.</li>
 *   <li><b>Latency</b> at 200 and at 2,000 row changes/s: single-row transactions (6 inserts, 3
 *       updates, 1 delete in 10) across the 50 tenants on an open-loop schedule, from commit to
 *       visible in ClickHouse ({@link VisibilityTracker}).</li>
 *   <li><b>Sustained</b>: multi-row inserts (500 rows per transaction, tenants round-robin) as fast
 *       as 4 writers go until 1,000,000 rows (or 60 s); the rate at which they become visible.</li>
 * </ol>
 * Throughout, the job's heap (from its GC log) and resident memory, and the CPU of every part.
 */
final class CdcBenchmark {

    static final int TENANTS = 50;
    static final String TENANT_PREFIX = "cdcbench_";
    static final String SNAPSHOT_TENANT = "cdcbench_snapshot";
    static final long SNAPSHOT_ROWS = 1_000_000;
    static final int SNAPSHOT_CHUNK = 100_000;
    static final Duration SNAPSHOT_TIMEOUT = Duration.ofMinutes(5);
    static final int SEED_LEADS_PER_TENANT = 20;
    static final int[] RATES = {200, 2_000};
    static final int WARM_UP_SECONDS = 10;
    static final int MEASURED_SECONDS = 40;
    /** Unmeasured changes after the measured ones: their commits show that the last measured ones are visible. */
    static final int FENCE_SECONDS = 2;
    static final int WRITER_THREADS = 16;
    static final Duration POLL_INTERVAL = Duration.ofMillis(10);
    static final Duration VISIBLE_TIMEOUT = Duration.ofSeconds(30);
    static final long SUSTAINED_ROWS = 1_000_000;
    static final int SUSTAINED_SECONDS = 60;
    static final int SUSTAINED_WRITERS = 4;
    static final int SUSTAINED_ROWS_PER_TRANSACTION = 500;
    static final Duration SUSTAINED_DRAIN_TIMEOUT = Duration.ofMinutes(3);
    static final Duration COUNT_INTERVAL = Duration.ofMillis(200);
    static final String SLOT = "storecrm_cdc_bench";
    static final String JOB = "cdc-job";
    static final String DEFAULT_HEAP = "768m";
    /** Job settings a run may override from the environment, e.g. {@code CDC_FLUSH_INTERVAL=50ms ./platform bench cdc}. */
    static final List<String> JOB_SETTINGS = List.of("CDC_FLUSH_INTERVAL", "CDC_POLL_INTERVAL", "CDC_BATCH_ROWS",
            "CDC_CHECKPOINT_INTERVAL", "CDC_PARALLELISM");
    static final String RUNNING_MARKER = "storecrm-cdc is running";

    private static final Logger log = LoggerFactory.getLogger(CdcBenchmark.class);

    record Snapshot(long rows, double createSeconds, long visibleRows, long distinctRows, double startSeconds,
                    double firstRowSeconds, double allRowsSeconds, double rowsPerSecond, double steadyRowsPerSecond,
                    Map<String, Double> cpu, JobMemory.Gc gc) {

        long missing() {
            return Math.max(0, rows - distinctRows);
        }
    }

    record Latency(int rate, PhaseStats.Result<Kind> writes, long otherWriteErrors, Latencies.Snapshot commitToVisible,
                   Latencies.Snapshot scheduledToVisible, long notVisible, long visibleBeforeCommitReturned,
                   Latencies.Snapshot pollTook, long pollErrors, Map<String, Double> cpu, JobMemory.Gc gc) {

        long errors() {
            return writes.totalErrors() + otherWriteErrors + notVisible;
        }
    }

    record Sustained(long rowsWritten, double writeSeconds, long rowsVisible, double rowsPerSecond,
                     double steadyRowsPerSecond, double lastRowMillis, double allVisibleSeconds,
                     PhaseStats.Result<Kind> writes, Map<String, Double> cpu, JobMemory.Gc gc) {

        long notVisible() {
            return Math.max(0, rowsWritten - rowsVisible);
        }

        long errors() {
            return writes.totalErrors() + notVisible();
        }
    }

    record Result(String jobSettings, String maxHeap, String synchronousCommit, String loadBefore, String loadAfter,
                  double onboardingSeconds, Snapshot snapshot, List<Latency> latency, Sustained sustained,
                  JobMemory.Gc gc, long peakRssKb, long rssKb) {

        long errors() {
            return snapshot.missing() + latency.stream().mapToLong(Latency::errors).sum() + sustained.errors();
        }
    }

    private final BenchPlatform platform;
    private final Path home;
    private final ClickHouseHttp clickHouse;
    private ServiceProcess job;
    private JobMemory memory;
    private CpuMeter cpu;

    private CdcBenchmark(BenchPlatform platform, Path home) {
        this.platform = platform;
        this.home = home;
        this.clickHouse = new ClickHouseHttp(platform.clickHouseUrl());
    }

    static Result run(BenchPlatform platform, Path home) {
        try {
            return new CdcBenchmark(platform, home).run();
        } catch (SQLException e) {
            throw new IllegalStateException("a database write of the CDC benchmark failed: " + e.getMessage(), e);
        }
    }

    private Result run() throws SQLException {
        String loadBefore = Machine.loadAverage();
        PlatformDatabase database = platform.database();
        TenantFixtures fixtures = new TenantFixtures(database);

        log.info("snapshot: creating {} leads in tenant {}...", SNAPSHOT_ROWS, SNAPSHOT_TENANT);
        ProvisionedTenant big = fixtures.tenant(SNAPSHOT_TENANT);
        long createStart = System.nanoTime();
        LeadChanges.create(database.ownerDataSource(), big, SNAPSHOT_ROWS, SNAPSHOT_CHUNK);
        double createSeconds = seconds(System.nanoTime() - createStart);
        log.info("created {} leads in {} s; starting the CDC job (new slot, no checkpoint)", SNAPSHOT_ROWS,
                String.format(Locale.ROOT, "%.1f", createSeconds));
        Snapshot snapshot = snapshot(database, createSeconds);

        log.info("onboarding {} tenants while the job runs...", TENANTS);
        long onboardingStart = System.nanoTime();
        List<LeadChanges.Tenant> tenants = new ArrayList<>();
        for (int i = 1; i <= TENANTS; i++) {
            tenants.add(new LeadChanges.Tenant(fixtures.tenant(String.format(Locale.ROOT, "%s%02d", TENANT_PREFIX, i))));
        }
        double onboardingSeconds = seconds(System.nanoTime() - onboardingStart);
        String inTenants = tenants.stream().map(t -> "'" + t.slug() + "'").collect(Collectors.joining(", ", "(", ")"));

        String synchronousCommit = System.getenv().getOrDefault("BENCH_SYNCHRONOUS_COMMIT", "on");
        try (HikariDataSource app = writers(database, synchronousCommit)) {
            LeadChanges writes = new LeadChanges(app, tenants);
            writes.seed(SEED_LEADS_PER_TENANT);
            long seeded = (long) TENANTS * SEED_LEADS_PER_TENANT;
            awaitJob("the seed leads of the new tenants visible", Duration.ofMinutes(2),
                    () -> count("SELECT count() FROM storecrm.lead WHERE tenant IN " + inTenants) >= seeded);
            log.info("{} tenants onboarded in {} s and seeded with {} leads, all visible in ClickHouse", TENANTS,
                    String.format(Locale.ROOT, "%.1f", onboardingSeconds), seeded);

            List<Latency> latency = new ArrayList<>();
            ChangePlan plan = new ChangePlan(TENANTS, tenants.get(0).stores().size());
            long nextSeq = 1;
            for (int rate : RATES) {
                settle();
                Latency phase = latency(writes, plan, rate, nextSeq);
                latency.add(phase);
                nextSeq += (long) rate * (WARM_UP_SECONDS + MEASURED_SECONDS + FENCE_SECONDS);
            }
            settle();
            Sustained sustained = sustained(writes, inTenants);
            return new Result(jobSettings(), heap(), synchronousCommit, loadBefore, Machine.loadAverage(),
                    onboardingSeconds, snapshot, latency, sustained, memory.gcSince(0), memory.residentKb("VmHWM"),
                    memory.residentKb("VmRSS"));
        }
    }

    /** Starts the job with the 1M-row tenant in place and waits until ClickHouse holds all of its rows. */
    private Snapshot snapshot(PlatformDatabase database, double createSeconds) {
        RowProgress progress = new RowProgress(SNAPSHOT_ROWS);
        String count = "SELECT count() FROM storecrm.lead WHERE tenant = '" + SNAPSHOT_TENANT + "'";
        Instant launchedAt = Instant.now();
        long launched = System.nanoTime();
        startJob(database);
        try (ClickHousePoller poller = ClickHousePoller.start("cdc-snapshot-poll", platform.clickHouseUrl(), count,
                COUNT_INTERVAL, (rows, at) -> progress.sample(at, Long.parseLong(rows.trim())))) {
            job.awaitRunning(RUNNING_MARKER, Duration.ofMinutes(3));
            cpu = platform.cpuMeter();
            CpuMeter.Sample before = cpu.sample();
            long running = runningSince(launchedAt, launched);
            log.info("the CDC job runs ({} s after launch); waiting for the snapshot of {} rows...",
                    String.format(Locale.ROOT, "%.1f", seconds(running - launched)), SNAPSHOT_ROWS);
            awaitJob("the snapshot complete", SNAPSHOT_TIMEOUT, progress::complete);
            Map<String, Double> cores = CpuMeter.coresBetween(before, cpu.sample(), cores());
            long distinct = count("SELECT uniqExact(id) FROM storecrm.lead WHERE tenant = '" + SNAPSHOT_TENANT + "'");
            long first = progress.reached(1);
            long all = progress.reached(SNAPSHOT_ROWS);
            Snapshot snapshot = new Snapshot(SNAPSHOT_ROWS, createSeconds, progress.visible(), distinct,
                    seconds(running - launched), first < 0 ? Double.NaN : seconds(first - running),
                    all < 0 ? Double.NaN : seconds(all - running), progress.rowsPerSecond(running),
                    progress.steadyRowsPerSecond(0.1, 0.9), cores, memory.gcSince(0));
            log.info("snapshot: {} rows visible {} s after the job started ({} rows/s)", progress.visible(),
                    String.format(Locale.ROOT, "%.1f", snapshot.allRowsSeconds()),
                    String.format(Locale.ROOT, "%.0f", snapshot.rowsPerSecond()));
            return snapshot;
        }
    }

    private void startJob(PlatformDatabase database) {
        Path jar = home.resolve("ingestion/target/storecrm-cdc.jar");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PLATFORM_DB_URL", database.jdbcUrl());
        env.put("PLATFORM_DB_CDC_USER", database.cdcUser());
        env.put("PLATFORM_DB_CDC_PASSWORD", database.cdcPassword());
        env.put("CLICKHOUSE_URL", platform.clickHouseUrl());
        env.put("STATE_DIR", platform.state().toString());
        env.put("CDC_SLOT_NAME", SLOT);
        env.put("CDC_CHECKPOINT_DIR", platform.state().resolve("cdc-checkpoints").toUri().toString());
        for (String setting : JOB_SETTINGS) {
            String value = System.getenv(setting);
            if (value != null && !value.isBlank()) {
                env.put(setting, value);
            }
        }
        Path gcLog = platform.logs().resolve(JOB + "-gc.log");
        job = platform.startProgram(JOB, jar, "com.storecrm.ingestion.CdcJob", List.of("--local"), heap(),
                List.of("-Xlog:gc:file=" + gcLog), env);
        memory = new JobMemory(job.pid(), gcLog);
    }

    /** When the job logged that it runs, in {@link System#nanoTime} terms (the wait for the line polls). */
    private long runningSince(Instant launchedAt, long launchedNanos) {
        return JobLog.timeOf(jobLog(), RUNNING_MARKER, Instant.now())
                .map(at -> launchedNanos + Math.max(0, Duration.between(launchedAt, at).toNanos()))
                .orElseGet(System::nanoTime);
    }

    private Latency latency(LeadChanges writes, ChangePlan plan, int rate, long firstSeq) {
        int warmUp = rate * WARM_UP_SECONDS;
        int measured = rate * MEASURED_SECONDS;
        int total = warmUp + measured + rate * FENCE_SECONDS;
        log.info("latency: {} changes/s for {} s ({} s warm-up, {} s measured) over {} tenants...", rate,
                WARM_UP_SECONDS + MEASURED_SECONDS + FENCE_SECONDS, WARM_UP_SECONDS, MEASURED_SECONDS, TENANTS);
        VisibilityTracker tracker = new VisibilityTracker(firstSeq, total);
        PhaseStats<Kind> stats = new PhaseStats<>(Kind.class);
        PhaseStats<Kind> unmeasured = new PhaseStats<>(Kind.class);
        ExecutorService marks = Executors.newSingleThreadExecutor(OpenLoop.threads("cdc-marks-"));
        List<CompletableFuture<CpuMeter.Sample>> cpuMarks = new ArrayList<>();
        List<CompletableFuture<Long>> gcMarks = new ArrayList<>();
        OpenLoop.Timing timing;
        NewestSeqQuery newest = new NewestSeqQuery(count(NewestSeqQuery.currentBlockSql()));
        ClickHousePoller poller = ClickHousePoller.start("cdc-latency-poll", platform.clickHouseUrl(), newest::sql,
                POLL_INTERVAL, (answer, at) -> tracker.observe(newest.read(answer), at));
        try {
            timing = OpenLoop.run(rate, total, OpenLoop.pool(WRITER_THREADS, "cdc-writer-"), (n, due, late) -> {
                boolean isMeasured = n >= warmUp && n < warmUp + measured;
                PhaseStats<Kind> phase = isMeasured ? stats : unmeasured;
                phase.schedulerLag(late);
                if (n == warmUp || n == warmUp + measured) {
                    cpuMarks.add(CompletableFuture.supplyAsync(cpu::sample, marks));
                    gcMarks.add(CompletableFuture.supplyAsync(memory::gcMark, marks));
                }
                long seq = firstSeq + n;
                Change change = plan.change(seq);
                return () -> writes.apply(change, seq, due, tracker, isMeasured, phase);
            });
            long deadline = System.nanoTime() + VISIBLE_TIMEOUT.toNanos();
            while (tracker.measuredPending() > 0 && System.nanoTime() < deadline) {
                pause(Duration.ofMillis(20));
            }
        } finally {
            poller.close();
            marks.shutdown();
        }
        Map<String, Double> cores = CpuMeter.coresBetween(cpuMarks.get(0).join(), cpuMarks.get(1).join(), cores());
        JobMemory.Gc gc = memory.gcSince(gcMarks.get(0).join());
        PhaseStats.Result<Kind> result = stats.result(rate + "/s", timing.dueNanos(warmUp, rate), timing.unfinished());
        Latency phase = new Latency(rate, result, unmeasured.result("warm-up", timing.startNanos(), 0).totalErrors(),
                tracker.commitToVisible(), tracker.scheduledToVisible(), tracker.measuredPending(),
                tracker.visibleBeforeCommitReturned(), poller.took(), poller.errors(), cores, gc);
        log.info("latency at {}/s: commit -> visible p50 {} ms, p95 {} ms, p99 {} ms; {} write errors, {} not visible",
                rate, fmt(phase.commitToVisible().percentileMillis(50)), fmt(phase.commitToVisible().percentileMillis(95)),
                fmt(phase.commitToVisible().percentileMillis(99)), result.totalErrors() + phase.otherWriteErrors(),
                phase.notVisible());
        return phase;
    }

    private Sustained sustained(LeadChanges writes, String inTenants) {
        log.info("sustained: {} writers, {} rows per insert, until {} rows or {} s...", SUSTAINED_WRITERS,
                SUSTAINED_ROWS_PER_TRANSACTION, SUSTAINED_ROWS, SUSTAINED_SECONDS);
        RowProgress progress = new RowProgress(SUSTAINED_ROWS);
        PhaseStats<Kind> stats = new PhaseStats<>(Kind.class);
        AtomicLong nextTransaction = new AtomicLong();
        AtomicLong written = new AtomicLong();
        AtomicLong lastCommit = new AtomicLong();
        long mark = memory.gcMark();
        CpuMeter.Sample before = cpu.sample();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(SUSTAINED_SECONDS);
        long transactions = SUSTAINED_ROWS / SUSTAINED_ROWS_PER_TRANSACTION;
        try (ClickHousePoller poller = ClickHousePoller.start("cdc-sustained-poll", platform.clickHouseUrl(),
                "SELECT count() FROM storecrm.lead WHERE tenant IN " + inTenants + " AND source = '"
                        + LeadChanges.BULK_SOURCE + "'", COUNT_INTERVAL,
                (rows, at) -> progress.sample(at, Long.parseLong(rows.trim())))) {
            ExecutorService pool = OpenLoop.pool(SUSTAINED_WRITERS, "cdc-bulk-");
            for (int w = 0; w < SUSTAINED_WRITERS; w++) {
                pool.execute(() -> {
                    for (long tx = nextTransaction.getAndIncrement(); tx < transactions && System.nanoTime() < deadline;
                         tx = nextTransaction.getAndIncrement()) {
                        LeadChanges.Tenant tenant = writes.tenants().get((int) (tx % TENANTS));
                        long sent = System.nanoTime();
                        try {
                            writes.bulkInsert(tenant, tx * SUSTAINED_ROWS_PER_TRANSACTION + 1, SUSTAINED_ROWS_PER_TRANSACTION);
                            long done = System.nanoTime();
                            written.addAndGet(SUSTAINED_ROWS_PER_TRANSACTION);
                            lastCommit.accumulateAndGet(done, Math::max);
                            stats.success(Kind.INSERT, done - sent, done);
                        } catch (SQLException | RuntimeException e) {
                            stats.error(Kind.INSERT, e instanceof SQLException sql ? "SQL " + sql.getSQLState() : "failed",
                                    tenant.slug() + ": " + e.getMessage(), System.nanoTime());
                        }
                    }
                });
            }
            long unfinished = OpenLoop.drain(pool);
            long rows = written.get();
            log.info("sustained: {} rows committed in {} s; waiting until ClickHouse shows them all...", rows,
                    String.format(Locale.ROOT, "%.1f", seconds(lastCommit.get() - start)));
            long drainDeadline = System.nanoTime() + SUSTAINED_DRAIN_TIMEOUT.toNanos();
            while (progress.visible() < rows && System.nanoTime() < drainDeadline && job.alive()) {
                pause(COUNT_INTERVAL);
            }
            Map<String, Double> cores = CpuMeter.coresBetween(before, cpu.sample(), cores());
            RowProgress done = progress.expecting(rows);
            long allVisible = done.reached(rows);
            Sustained sustained = new Sustained(rows, seconds(lastCommit.get() - start), done.visible(),
                    done.rowsPerSecond(start), done.steadyRowsPerSecond(0.1, 0.9),
                    allVisible < 0 ? Double.NaN : (allVisible - lastCommit.get()) / 1e6,
                    allVisible < 0 ? Double.NaN : seconds(allVisible - start),
                    stats.result("sustained", start, unfinished), cores, memory.gcSince(mark));
            log.info("sustained: {} of {} rows visible, {} rows/s", done.visible(), rows, fmt(sustained.rowsPerSecond()));
            return sustained;
        }
    }

    /** Waits (bounded) until ClickHouse has no merge running, so one phase's merges do not land in the next. */
    private void settle() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (count("SELECT count() FROM system.merges") == 0) {
                return;
            }
            pause(Duration.ofMillis(500));
        }
        log.warn("ClickHouse was still merging after 60 s; going on");
    }

    private void awaitJob(String what, Duration timeout, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (!job.alive()) {
                throw new IllegalStateException("the CDC job exited while waiting for " + what + "; see " + job.log());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not " + what + " within " + timeout + "; see " + job.log());
            }
            pause(COUNT_INTERVAL);
        }
    }

    private long count(String query) {
        List<String> rows = clickHouse.query(query);
        return rows.isEmpty() ? 0 : Long.parseLong(rows.get(0).trim());
    }

    private static HikariDataSource writers(PlatformDatabase database, String synchronousCommit) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.appUser());
        config.setPassword(database.appPassword());
        config.setMaximumPoolSize(WRITER_THREADS);
        config.setMinimumIdle(WRITER_THREADS);
        config.setAutoCommit(false);
        config.setPoolName("cdc-bench-writers");
        // the embedded database commits asynchronously (a test setting); production PostgreSQL does not
        config.setConnectionInitSql("set synchronous_commit = " + ("off".equals(synchronousCommit) ? "off" : "on"));
        return new HikariDataSource(config);
    }

    private String jobLog() {
        try {
            return Files.readString(job.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String jobSettings() {
        return JobLog.settings(jobLog()).orElse("(not logged)");
    }

    private static String heap() {
        return System.getenv().getOrDefault("CDC_HEAP", DEFAULT_HEAP);
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static void pause(Duration duration) {
        try {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
