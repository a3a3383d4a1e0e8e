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

    private static final String RULE = "=".repeat(96);
    private static final String THIN = "-".repeat(96);

    private final StringBuilder text = new StringBuilder();

    private Summary() {
    }

    static String text(Machine machine, Instant started, Instant finished, OnboardingBenchmark.Result onboarding,
                       LeadBenchmark.Result leads) {
        Summary summary = new Summary();
        summary.line("").line(RULE)
                .line(" StoreCRM benchmarks, %s (took %d s)", started.truncatedTo(ChronoUnit.SECONDS),
                        finished.getEpochSecond() - started.getEpochSecond())
                .line(" machine: %s", machine.describe())
                .line(" the load generator, PostgreSQL, tenant-admin and crm all share this machine's cores");
        if (onboarding != null) {
            summary.onboarding(onboarding);
        }
        if (leads != null) {
            summary.leads(leads);
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
        PhaseStats.Result open = result.openLoop();
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

        PhaseStats.Result closed = result.closedLoop();
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

    private void row(String label, PhaseStats.Result phase, Kind kind) {
        Latencies.Snapshot ms = phase.latencies().get(kind);
        line("   %-7s %7d %7d %10s %10s %10s %10s %10.1f", label, phase.count(kind), phase.errors().get(kind),
                ms(ms.percentileMillis(50)), ms(ms.percentileMillis(95)), ms(ms.percentileMillis(99)), ms(ms.maxMillis()),
                phase.perSecond(phase.count(kind)));
    }

    private void errors(PhaseStats.Result phase) {
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
