package com.storecrm.bench;

import com.storecrm.bench.TrafficPlan.Kind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/** The report at the end of a run: machine, date, each benchmark's figures and how they compare with the targets. */
final class Summary {

    static final double ONBOARDING_TARGET_MS = 1_000;
    static final double CREATE_P95_TARGET_MS = 20;
    static final double CDC_P95_TARGET_MS = 250;
    static final int CDC_TARGET_RATE = 2_000;
    static final double SUSTAINED_TARGET_ROWS_PER_SECOND = 20_000;
    static final double SNAPSHOT_TARGET_ROWS_PER_SECOND = 50_000;
    static final double FUNNEL_P95_TARGET_MS = 100;
    static final double SWEEP_TARGET_SECONDS = 60;

    private static final String RULE = "=".repeat(96);
    private static final String THIN = "-".repeat(96);

    private final StringBuilder text = new StringBuilder();

    private Summary() {
    }

    static String text(Machine machine, Instant started, Instant finished, OnboardingBenchmark.Result onboarding,
                       LeadBenchmark.Result leads, CdcBenchmark.Result cdc, AccountsBenchmark.Result accounts) {
        Summary summary = new Summary();
        summary.line("").line(RULE)
                .line(" StoreCRM benchmarks, %s (took %d s)", started.truncatedTo(ChronoUnit.SECONDS),
                        finished.getEpochSecond() - started.getEpochSecond())
                .line(" machine: %s", machine.describe())
                .line(" the load generator and every part of the platform share this machine's cores");
        if (onboarding != null) {
            summary.onboarding(onboarding);
        }
        if (leads != null) {
            summary.leads(leads);
        }
        if (cdc != null) {
            summary.cdc(cdc);
        }
        if (accounts != null) {
            summary.accounts(accounts);
        }
        return summary.line(RULE).toString();
    }

    private void onboarding(OnboardingBenchmark.Result result) {
        Latencies.Snapshot ms = result.latencies();
        line(THIN).line(" Onboarding: %d tenants one after another via POST /api/platform/tenants (2 subsidiaries x 2 stores each)",
                result.requested());
        line("   per tenant: median %s  p95 %s  p99 %s  max %s   (first tenant %s)",
                ms(ms.percentileMillis(50)), ms(ms.percentileMillis(95)), ms(ms.percentileMillis(99)), ms(ms.maxMillis()),
                ms(result.firstMillis()));
        line("   throughput: %.2f tenants/s (%d onboarded in %.1f s), errors %d", result.tenantsPerSecond(),
                result.tenants().size(), result.wallNanos() / 1e9, result.errors());
        long slow = result.slowerThan(ONBOARDING_TARGET_MS);
        line("   target < %.0f ms per tenant: p95 %s = %s, max %s = %s of the target -> %s", ONBOARDING_TARGET_MS,
                ms(ms.percentileMillis(95)), ratio(ms.percentileMillis(95), ONBOARDING_TARGET_MS), ms(ms.maxMillis()),
                ratio(ms.maxMillis(), ONBOARDING_TARGET_MS),
                slow == 0 && result.errors() == 0 ? "MET by every tenant"
                        : "MISSED (" + slow + " of " + result.requested() + " took 1 s or more, " + result.errors() + " failed)");
        cpu(result.cpuCores());
        result.errorSamples().forEach(sample -> line("   error: %s", sample));
    }

    private void leads(LeadBenchmark.Result result) {
        PhaseStats.Result<Kind> open = result.openLoop();
        line(THIN).line(" Leads: %d tenants, admin token each; seed %d creates, warm-up %d requests (errors %d)",
                result.tenants(), result.seed().totalCount(), result.warmUp().totalCount(),
                result.seed().totalErrors() + result.warmUp().totalErrors());
        line(" Open loop: %d req/s scheduled for %d s, half POST /api/leads, half GET /api/leads/{id};",
                LeadBenchmark.RATE_PER_SECOND, LeadBenchmark.OPEN_LOOP_SECONDS);
        line("   latency from each request's scheduled send time (%d client threads)", LeadBenchmark.OPEN_LOOP_CLIENT_THREADS);
        header();
        for (Kind kind : Kind.values()) {
            row(kind == Kind.CREATE ? "create" : "get", open, kind);
        }
        line("   achieved %.1f req/s in all (%d requests, last answer %.1f s after the first send)%s",
                open.perSecond(open.totalCount()), open.totalCount(), open.elapsedNanos() / 1e9,
                open.unfinished() > 0 ? "; " + open.unfinished() + " requests never sent" : "");
        line("   scheduler at most %s late; requests waited at most %s for a free client thread (included above)",
                ms(open.maxSchedulerLagMillis()), ms(open.maxSendDelayMillis()));
        double createP95 = open.latencies().get(Kind.CREATE).percentileMillis(95);
        boolean met = createP95 < CREATE_P95_TARGET_MS && open.totalErrors() == 0;
        line("   target lead create p95 < %.0f ms at %d req/s: p95 %s = %s of the %.0f ms target -> %s",
                CREATE_P95_TARGET_MS, LeadBenchmark.RATE_PER_SECOND, ms(createP95), ratio(createP95, CREATE_P95_TARGET_MS),
                CREATE_P95_TARGET_MS, met ? "MET" : createP95 < CREATE_P95_TARGET_MS ? "MISSED (errors)" : "MISSED");
        cpu(result.openLoopCpu());
        errors(open);

        PhaseStats.Result<Kind> closed = result.closedLoop();
        line(" Closed loop: %d clients back to back for %d s, same mix", LeadBenchmark.CLOSED_LOOP_CLIENTS,
                LeadBenchmark.CLOSED_LOOP_SECONDS);
        header();
        for (Kind kind : Kind.values()) {
            row(kind == Kind.CREATE ? "create" : "get", closed, kind);
        }
        Latencies.Snapshot all = closed.all();
        line("   max throughput %.1f req/s (%d requests in %.1f s), p95 %s over both kinds, errors %d",
                closed.perSecond(closed.totalCount()), closed.totalCount(), closed.elapsedNanos() / 1e9,
                ms(all.percentileMillis(95)), closed.totalErrors());
        cpu(result.closedLoopCpu());
        errors(closed);
        errors(result.seed());
        errors(result.warmUp());
    }

    private void cdc(CdcBenchmark.Result result) {
        line(THIN).line(" CDC: PostgreSQL -> Flink CDC job (own JVM, MiniCluster, -Xmx%s) -> ClickHouse", result.maxHeap());
        line("   job %s", result.jobSettings());
        line("   writers commit with synchronous_commit=%s; load average (1/5/15 min) at start %s, at end %s",
                result.synchronousCommit(), result.loadBefore(), result.loadAfter());

        CdcBenchmark.Snapshot snapshot = result.snapshot();
        line(" Snapshot: %d leads of one tenant (created in %.1f s), job started with a new slot and no checkpoint",
                snapshot.rows(), snapshot.createSeconds());
        line("   job launch -> running %.1f s; then first row visible after %.1f s, all rows after %.1f s",
                snapshot.startSeconds(), snapshot.firstRowSeconds(), snapshot.allRowsSeconds());
        line("   %.0f rows/s (running -> all visible), %.0f rows/s between 10%% and 90%%; %d distinct ids, %d rows seen%s",
                snapshot.rowsPerSecond(), snapshot.steadyRowsPerSecond(), snapshot.distinctRows(), snapshot.visibleRows(),
                snapshot.missing() > 0 ? ", " + snapshot.missing() + " MISSING" : "");
        line("   target >= %.0f rows/s: %s of the target -> %s", SNAPSHOT_TARGET_ROWS_PER_SECOND,
                ratio(snapshot.rowsPerSecond(), SNAPSHOT_TARGET_ROWS_PER_SECOND),
                atLeast(snapshot.rowsPerSecond(), SNAPSHOT_TARGET_ROWS_PER_SECOND, snapshot.missing()));
        cpu(snapshot.cpu());
        gc(snapshot.gc());

        line(" Latency: commit -> first seen in ClickHouse; single-row transactions (6 inserts, 3 updates, 1 delete in 10)");
        line("   over %d tenants, open loop (%d writer threads), %d s warm-up then %d s measured; ClickHouse polled every %d ms",
                CdcBenchmark.TENANTS, CdcBenchmark.WRITER_THREADS, CdcBenchmark.WARM_UP_SECONDS,
                CdcBenchmark.MEASURED_SECONDS, CdcBenchmark.POLL_INTERVAL.toMillis());
        line("   %-7s %7s %6s %8s %9s %9s %9s %9s | %13s %12s", "", "changes", "errors", "chg/s", "p50", "p95", "p99", "max",
                "p95 from due", "commit p95");
        for (CdcBenchmark.Latency phase : result.latency()) {
            Latencies.Snapshot visible = phase.commitToVisible();
            PhaseStats.Result<ChangePlan.Kind> writes = phase.writes();
            line("   %-7s %7d %6d %8.1f %9s %9s %9s %9s | %13s %12s", phase.rate() + "/s", writes.totalCount(),
                    phase.errors(), writes.perSecond(writes.totalCount()), ms(visible.percentileMillis(50)),
                    ms(visible.percentileMillis(95)), ms(visible.percentileMillis(99)), ms(visible.maxMillis()),
                    ms(phase.scheduledToVisible().percentileMillis(95)), ms(writes.all().percentileMillis(95)));
        }
        for (CdcBenchmark.Latency phase : result.latency()) {
            line("   at %d/s: %d seen, %d not seen within %d s, %d write errors in warm-up/fence; a poll took p50 %s, max %s (%d failed);"
                    + " scheduler at most %s late, writers at most %s", phase.rate(), phase.commitToVisible().count(),
                    phase.notVisible(), CdcBenchmark.VISIBLE_TIMEOUT.toSeconds(), phase.otherWriteErrors(),
                    ms(phase.pollTook().percentileMillis(50)), ms(phase.pollTook().maxMillis()), phase.pollErrors(),
                    ms(phase.writes().maxSchedulerLagMillis()), ms(phase.writes().maxSendDelayMillis()));
            cpu(phase.cpu());
            gc(phase.gc());
            errors(phase.writes());
        }
        result.latency().stream().filter(phase -> phase.rate() == CDC_TARGET_RATE).findFirst().ifPresent(phase -> {
            double p95 = phase.commitToVisible().percentileMillis(95);
            line("   target p95 < %.0f ms at %d changes/s: p95 %s = %s of the target -> %s", CDC_P95_TARGET_MS,
                    CDC_TARGET_RATE, ms(p95), ratio(p95, CDC_P95_TARGET_MS),
                    p95 < CDC_P95_TARGET_MS && phase.errors() == 0 ? "MET"
                            : p95 < CDC_P95_TARGET_MS ? "MISSED (errors)" : "MISSED");
        });

        CdcBenchmark.Sustained sustained = result.sustained();
        line(" Sustained: %d writers, %d-row inserts round-robin over %d tenants, up to %d rows or %d s",
                CdcBenchmark.SUSTAINED_WRITERS, CdcBenchmark.SUSTAINED_ROWS_PER_TRANSACTION, CdcBenchmark.TENANTS,
                CdcBenchmark.SUSTAINED_ROWS, CdcBenchmark.SUSTAINED_SECONDS);
        line("   %d rows committed in %.1f s (%.0f rows/s written); all visible %.1f s after the first insert, the last row %s after its commit",
                sustained.rowsWritten(), sustained.writeSeconds(), sustained.rowsWritten() / sustained.writeSeconds(),
                sustained.allVisibleSeconds(), ms(sustained.lastRowMillis()));
        line("   %.0f rows/s visible (first insert -> last row visible), %.0f rows/s between 10%% and 90%%; %d rows seen%s",
                sustained.rowsPerSecond(), sustained.steadyRowsPerSecond(), sustained.rowsVisible(),
                sustained.notVisible() > 0 ? ", " + sustained.notVisible() + " NOT SEEN" : "");
        line("   target >= %.0f rows/s: %s of the target -> %s", SUSTAINED_TARGET_ROWS_PER_SECOND,
                ratio(sustained.rowsPerSecond(), SUSTAINED_TARGET_ROWS_PER_SECOND),
                atLeast(sustained.rowsPerSecond(), SUSTAINED_TARGET_ROWS_PER_SECOND, sustained.errors()));
        cpu(sustained.cpu());
        gc(sustained.gc());
        errors(sustained.writes());

        line(" Job memory: -Xmx%s; resident set peak %s, at the end %s", result.maxHeap(), mib(result.peakRssKb()),
                mib(result.rssKb()));
        gc(result.gc());
    }

    private void accounts(AccountsBenchmark.Result result) {
        AccountsSeed.Seeded seed = result.seed();
        line(THIN).line(" Accounts: one tenant, 4 stores, %d customers (%d overdue), %d opportunities, %d stage history entries",
                seed.customers(), seed.overdue(), seed.opportunities(), seed.history());
        line("   seeded with SQL in %.1f s (then vacuum analyze)", seed.seconds());

        FunnelBenchmark.Result funnel = result.funnel();
        line(" Funnel: GET /api/opportunities/funnel, %d warm-up then %d timed requests per case, one client;"
                + " load average at start %s, at end %s", FunnelBenchmark.WARM_UP, FunnelBenchmark.MEASURED,
                funnel.loadBefore(), funnel.loadAfter());
        line("   %-26s %9s %7s %10s %10s %10s %10s %10s", "", "opps", "errors", "p50", "p95", "p99", "max", "req/s");
        for (FunnelBenchmark.Row row : funnel.rows()) {
            Latencies.Snapshot ms = row.latencies();
            line("   %-26s %9d %7d %10s %10s %10s %10s %10.1f", row.name(), row.opportunities(), row.errors(),
                    ms(ms.percentileMillis(50)), ms(ms.percentileMillis(95)), ms(ms.percentileMillis(99)),
                    ms(ms.maxMillis()), 1000.0 / mean(ms));
        }
        FunnelBenchmark.Row worst = funnel.rows().stream()
                .max(java.util.Comparator.comparingDouble(row -> row.latencies().percentileMillis(95))).orElseThrow();
        double p95 = worst.latencies().percentileMillis(95);
        line("   target p95 < %.0f ms with %d opportunities: slowest case (%s) p95 %s = %s of the target -> %s",
                FUNNEL_P95_TARGET_MS, seed.opportunities(), worst.name(), ms(p95), ratio(p95, FUNNEL_P95_TARGET_MS),
                p95 < FUNNEL_P95_TARGET_MS && funnel.errors() == 0 ? "MET"
                        : p95 < FUNNEL_P95_TARGET_MS ? "MISSED (errors)" : "MISSED");
        cpu(funnel.cpuCores());
        funnel.rows().forEach(row -> row.errorSamples().forEach(sample -> line("   funnel error: %s", sample)));

        HighSeasSweepBenchmark.Result sweep = result.sweep();
        line(" High-seas sweep: POST /api/high-seas/sweeps (the job's round for the tenant) over %d customers;"
                + " load average at start %s, at end %s", sweep.customers(), sweep.loadBefore(), sweep.loadAfter());
        line("   moved %d customers (%d were overdue) in %.1f s = %.0f customers/s; %d history entries for %d customers,"
                + " %d overdue left", sweep.moved(), sweep.expected(), sweep.seconds(), sweep.customersPerSecond(),
                sweep.journaled(), sweep.journaledCustomers(), sweep.leftOverdue());
        line("   target < %.0f s for %d customers: %.1f s = %s of the target -> %s", SWEEP_TARGET_SECONDS,
                sweep.customers(), sweep.seconds(), ratio(sweep.seconds(), SWEEP_TARGET_SECONDS),
                sweep.seconds() < SWEEP_TARGET_SECONDS && sweep.errors() == 0 ? "MET"
                        : sweep.seconds() < SWEEP_TARGET_SECONDS ? "MISSED (errors)" : "MISSED");
        cpu(sweep.cpuCores());
        if (sweep.error() != null) {
            line("   sweep error: %s", sweep.error());
        }
    }

    private static double mean(Latencies.Snapshot snapshot) {
        long sum = 0;
        for (long nanos : snapshot.sorted()) {
            sum += nanos;
        }
        return snapshot.count() == 0 ? Double.NaN : sum / 1e6 / snapshot.count();
    }

    private void gc(JobMemory.Gc gc) {
        line("   job heap: peak used %s (just before a collection), peak committed %s; %d GC pauses, %s in all, max %s",
                mb(gc.peakUsedMb()), mb(gc.peakCommittedMb()), gc.pauses(), ms(gc.pauseMillis()), ms(gc.maxPauseMillis()));
    }

    private static String atLeast(double value, double target, long errors) {
        return value >= target && errors == 0 ? "MET" : value >= target ? "MISSED (errors)" : "MISSED";
    }

    private static String mb(double mib) {
        return Double.isNaN(mib) ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", mib);
    }

    private static String mib(long kb) {
        return kb < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", kb / 1024.0);
    }

    /** Where the CPU went, in cores busy on average (the machine has {@code availableProcessors}). */
    private void cpu(Map<String, Double> cores) {
        StringBuilder parts = new StringBuilder();
        cores.forEach((part, used) -> parts.append(parts.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.2f", part, used)));
        line("   CPU, cores busy on average (of %d): %s", Runtime.getRuntime().availableProcessors(), parts);
    }

    private void header() {
        line("   %-7s %7s %7s %10s %10s %10s %10s %10s", "", "count", "errors", "p50", "p95", "p99", "max", "req/s");
    }

    private void row(String label, PhaseStats.Result<Kind> phase, Kind kind) {
        Latencies.Snapshot ms = phase.latencies().get(kind);
        line("   %-7s %7d %7d %10s %10s %10s %10s %10.1f", label, phase.count(kind), phase.errors().get(kind),
                ms(ms.percentileMillis(50)), ms(ms.percentileMillis(95)), ms(ms.percentileMillis(99)), ms(ms.maxMillis()),
                phase.perSecond(phase.count(kind)));
    }

    private void errors(PhaseStats.Result<?> phase) {
        if (phase.totalErrors() == 0) {
            return;
        }
        for (Map.Entry<String, Long> reason : phase.errorReasons().entrySet()) {
            line("   %s errors: %s x%d", phase.name(), reason.getKey(), reason.getValue());
        }
        phase.errorSamples().forEach(sample -> line("   %s error: %s", phase.name(), sample));
    }

    private static String ms(double millis) {
        return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String ratio(double value, double target) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2fx", value / target);
    }

    private Summary line(String format, Object... args) {
        text.append(String.format(Locale.ROOT, format, args)).append('\n');
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
