package com.storecrm.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lead-scale benchmarks of issue 5 on one fresh platform: claims on a hot pool, a 100,000-row
 * CSV import and the lead list of a 1,000,000-lead tenant, each in a tenant of its own (onboarded
 * through the operator API) so that none sees another's rows. Its report is its own, next to the
 * main summary.
 */
final class LeadScaleBenchmark {

    static final int TENANTS = 3;

    private static final Logger log = LoggerFactory.getLogger(LeadScaleBenchmark.class);

    record Result(String loadBefore, String loadAfter, ClaimBenchmark.Result claims, ImportBenchmark.Result imports,
                  LeadListBenchmark.Result list) {

        /** Parts left out of the run ({@code BENCH_LEAD_SCALE_PARTS}) are null and count no errors. */
        long errors() {
            return (claims == null ? 0 : claims.errors()) + (imports == null ? 0 : imports.errors())
                    + (list == null ? 0 : list.errors());
        }
    }

    private LeadScaleBenchmark() {
    }

    static Result run(BenchPlatform platform) {
        String loadBefore = Machine.loadAverage();
        OnboardingBenchmark.Result onboarded = OnboardingBenchmark.run(platform, "scale", TENANTS);
        if (onboarded.tenants().size() < TENANTS) {
            throw new IllegalStateException("could not onboard the lead-scale tenants: " + onboarded.errorSamples());
        }
        List<ScaleTenant> tenants = onboarded.tenants().stream().map(t -> ScaleTenant.of(platform, t)).toList();
        List<String> parts = parts();
        ClaimBenchmark.Result claims = null;
        if (parts.contains("claims")) {
            log.info("lead-scale: claims on a hot pool; load average {}", Machine.loadAverage());
            claims = ClaimBenchmark.run(platform, tenants.get(0));
        }
        ImportBenchmark.Result imports = null;
        if (parts.contains("import")) {
            log.info("lead-scale: import of {} rows; load average {}", ImportBenchmark.ROWS, Machine.loadAverage());
            imports = ImportBenchmark.run(platform, tenants.get(1));
        }
        LeadListBenchmark.Result list = null;
        if (parts.contains("list")) {
            log.info("lead-scale: lead list of a {}-lead tenant; load average {}", LeadListBenchmark.LEADS,
                    Machine.loadAverage());
            list = LeadListBenchmark.run(platform, tenants.get(2));
        }
        return new Result(loadBefore, Machine.loadAverage(), claims, imports, list);
    }

    /**
     * The parts to run, from {@code BENCH_LEAD_SCALE_PARTS} (comma-separated: claims, import, list;
     * all three when unset) - one part alone is the quick loop while working on it.
     */
    private static List<String> parts() {
        String chosen = System.getenv().getOrDefault("BENCH_LEAD_SCALE_PARTS", "claims,import,list");
        List<String> parts = List.of(chosen.trim().split("\\s*,\\s*"));
        if (parts.isEmpty() || !List.of("claims", "import", "list").containsAll(parts)) {
            throw new IllegalArgumentException("BENCH_LEAD_SCALE_PARTS must name some of claims, import, list: " + chosen);
        }
        return parts;
    }

    /** The report of a run, in the style of {@link Summary}. */
    static String text(Machine machine, Instant started, Instant finished, Result result) {
        StringBuilder text = new StringBuilder();
        Lines out = new Lines(text);
        out.line("").line("=".repeat(96))
                .line(" StoreCRM lead-scale benchmarks (issue 5), %s (took %d s)", started.truncatedTo(ChronoUnit.SECONDS),
                        finished.getEpochSecond() - started.getEpochSecond())
                .line(" machine: %s", machine.describe())
                .line(" load average (1/5/15 min) at start %s, at end %s", result.loadBefore(), result.loadAfter())
                .line("-".repeat(96));
        if (result.claims() != null) {
            claims(out, result.claims());
            out.line("-".repeat(96));
        }
        if (result.imports() != null) {
            imports(out, result.imports());
            out.line("-".repeat(96));
        }
        if (result.list() != null) {
            list(out, result.list());
        }
        return out.line("=".repeat(96)).toString();
    }

    private static void claims(Lines out, ClaimBenchmark.Result result) {
        ClaimBenchmark.Phase phase = result.measured();
        out.line(" Claims: %d members with their own tokens, closed loop for %d s after %d s warm-up, batches of %d"
                        + " from a hot window of %d leads moving %d leads per request", result.clients(),
                ClaimBenchmark.MEASURED_SECONDS, ClaimBenchmark.WARM_UP_SECONDS, result.batch(), ClaimBenchmark.WINDOW,
                ClaimBenchmark.STEP);
        out.line("   %d requests (%.1f req/s), errors %d; latency p50 %s  p95 %s  p99 %s  max %s", phase.requests(),
                phase.requestsPerSecond(), phase.errors(), ms(phase.latency().percentileMillis(50)),
                ms(phase.latency().percentileMillis(95)), ms(phase.latency().percentileMillis(99)),
                ms(phase.latency().maxMillis()));
        out.line("   %d leads claimed (%.0f claims/s, %.1f per request), %d refused %s, %d single-lead 409s",
                phase.claimed(), phase.claimsPerSecond(), phase.requests() == 0 ? 0.0 : (double) phase.claimed() / phase.requests(),
                phase.refusedTotal(), phase.refused(), phase.conflicts());
        ClaimBenchmark.Check check = result.check();
        out.line("   check (warm-up + measured): %d claims answered, %d claimed twice in answers; database: %d leads with"
                        + " an owner, %d Pending, %d claim records (%d distinct leads), %d history entries, %d notifications,"
                        + " %d owners differing from the answer -> %s", check.answeredClaims(), check.doubleClaimsInAnswers(),
                check.leadsWithOwner(), check.pendingLeads(), check.claimRecords(), check.distinctClaimedLeads(),
                check.historyEntries(), check.notifications(), check.ownerMismatches(),
                check.consistent() ? "consistent, zero double claims" : "INCONSISTENT");
        boolean met = phase.claimsPerSecond() >= ClaimBenchmark.TARGET_CLAIMS_PER_SECOND && check.consistent()
                && phase.errors() == 0;
        out.line("   target >= %.0f claims/s with zero double claims: %s of the target -> %s",
                ClaimBenchmark.TARGET_CLAIMS_PER_SECOND, ratio(phase.claimsPerSecond(), ClaimBenchmark.TARGET_CLAIMS_PER_SECOND),
                met ? "MET" : "MISSED");
        out.cpu(phase.cpu());
        phase.errorSamples().forEach(sample -> out.line("   error: %s", sample));
    }

    private static void imports(Lines out, ImportBenchmark.Result result) {
        out.line(" Import: %d-row CSV (%.1f MB) via POST /api/lead-imports, progress polled every %d ms", result.rows(),
                result.fileBytes() / 1e6, ImportBenchmark.POLL_INTERVAL.toMillis());
        out.line("   %s: upload answered after %.1f s, completed %.1f s after the upload started; job start -> end %.1f s",
                result.status(), result.uploadSeconds(), result.totalSeconds(), result.jobSeconds());
        out.line("   %.0f rows/s upload -> completion, %.0f rows/s job start -> end", result.rowsPerSecond(),
                result.jobRowsPerSecond());
        out.line("   rows read %d, accepted %d (expected %d), rejected %d (expected %d); leads in the database %d;"
                        + " rejected-rows report %d rows -> %s", result.read(), result.accepted(), result.expectedAccepted(),
                result.rejected(), result.expectedRejected(), result.leadsInDatabase(), result.reportRows(),
                result.exact() ? "exact" : "NOT EXACT");
        if (result.failure() != null) {
            out.line("   failure: %s", result.failure());
        }
        boolean met = result.rowsPerSecond() >= ImportBenchmark.TARGET_ROWS_PER_SECOND && result.exact();
        out.line("   target >= %.0f rows/s: %s of the target -> %s", ImportBenchmark.TARGET_ROWS_PER_SECOND,
                ratio(result.rowsPerSecond(), ImportBenchmark.TARGET_ROWS_PER_SECOND), met ? "MET" : "MISSED");
        out.cpu(result.cpu());
    }

    private static void list(Lines out, LeadListBenchmark.Result result) {
        out.line(" Lead list: %d leads in one tenant (seeded in %.1f s), GET /api/leads?status=%s&size=%d, default sort,"
                        + " %d requests one after another after %d warm-up", result.leads(), result.seedSeconds(),
                result.status(), LeadListBenchmark.PAGE_SIZE, LeadListBenchmark.REQUESTS, LeadListBenchmark.WARM_UP);
        out.line("   %-22s %8s %7s %10s %10s %10s %10s", "", "requests", "errors", "p50", "p95", "p99", "max");
        boolean met = true;
        for (LeadListBenchmark.Series series : List.of(result.admin(), result.rep())) {
            Latencies.Snapshot ms = series.latency();
            out.line("   %-22s %8d %7d %10s %10s %10s %10s", series.caller(), series.requests(), series.errors(),
                    ms(ms.percentileMillis(50)), ms(ms.percentileMillis(95)), ms(ms.percentileMillis(99)), ms(ms.maxMillis()));
            met &= ms.percentileMillis(95) < LeadListBenchmark.TARGET_P95_MS && series.errors() == 0;
        }
        out.line("   the administrator's total: %d leads %s", result.adminTotal(), result.status());
        for (LeadListBenchmark.Series series : List.of(result.admin(), result.rep())) {
            double p95 = series.latency().percentileMillis(95);
            out.line("   target p95 < %.0f ms, %s: p95 %s = %s of the target", LeadListBenchmark.TARGET_P95_MS,
                    series.caller(), ms(p95), ratio(p95, LeadListBenchmark.TARGET_P95_MS));
            series.errorSamples().forEach(sample -> out.line("   error: %s", sample));
        }
        out.line("   -> %s", met ? "MET" : "MISSED");
        out.cpu(result.cpu());
    }

    private static String ms(double millis) {
        return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String ratio(double value, double target) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2fx", value / target);
    }

    /** Formatted lines of the report. */
    private record Lines(StringBuilder text) {

        Lines line(String format, Object... args) {
            text.append(String.format(Locale.ROOT, format, args)).append('\n');
            return this;
        }

        void cpu(Map<String, Double> cores) {
            StringBuilder parts = new StringBuilder();
            cores.forEach((part, used) -> parts.append(parts.length() == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s %.2f", part, used)));
            line("   CPU, cores busy on average (of %d): %s", Runtime.getRuntime().availableProcessors(), parts);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
