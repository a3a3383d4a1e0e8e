package com.storecrm.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./platform bench [onboarding|leads|cdc|accounts|lead-scale|all]}: runs the chosen benchmarks on
 * fresh platforms in temporary folders, logs a summary and stops everything. onboarding and leads share
 * one platform (embedded PostgreSQL, tenant-admin, crm) and go through its public APIs; cdc gets its own
 * (embedded PostgreSQL, ClickHouse and the CDC job); accounts (the funnel and the high-seas sweep on
 * one big tenant) and lead-scale (claims, import, a 1M-lead list: {@link LeadScaleBenchmark}) each get
 * their own services platform. Exit status 0 when every request and change
 * succeeded, 1 when any failed (the summary says which; the state folder with the logs is then kept),
 * 2 for bad usage. Targets are reported, not enforced. See docs/benchmarks.md.
 */
public final class Benchmarks {

    static final int ONBOARDING_TENANTS = 200;
    static final int LEAD_TENANTS = 50;
    static final int ACCOUNT_CUSTOMERS = 1_000_000;
    static final int ACCOUNT_OPPORTUNITIES = 500_000;

    private static final Logger log = LoggerFactory.getLogger(Benchmarks.class);

    private Benchmarks() {
    }

    public static void main(String[] args) {
        String which = args.length == 0 ? "all" : args[0];
        if (args.length > 1
                || !List.of("onboarding", "leads", "cdc", "accounts", "lead-scale", "all").contains(which)) {
            log.error("usage: ./platform bench [onboarding|leads|cdc|accounts|lead-scale|all]   (default: all)");
            System.exit(2);
        }
        int status;
        try {
            status = run(which);
        } catch (RuntimeException e) {
            log.error("the benchmark run failed: {}", e.getMessage(), e);
            status = 1;
        }
        System.exit(status);
    }

    private static int run(String which) {
        Path home = Path.of(System.getenv().getOrDefault("PLATFORM_HOME", ".")).toAbsolutePath().normalize();
        Machine machine = Machine.current();
        Instant started = Instant.now();
        log.info("StoreCRM benchmarks ({}) on {}; load average {}", which, machine.describe(), Machine.loadAverage());
        Runs runs = new Runs();
        if (!which.equals("cdc") && !which.equals("accounts") && !which.equals("lead-scale")) {
            runs.onPlatform(() -> BenchPlatform.start(home), "the platform", platform -> {
                List<BenchTenant> tenants = List.of();
                if (!which.equals("leads")) {
                    log.info("onboarding benchmark: {} tenants one after another...", ONBOARDING_TENANTS);
                    runs.onboarding = OnboardingBenchmark.run(platform, "bench", ONBOARDING_TENANTS);
                    tenants = runs.onboarding.tenants();
                }
                if (!which.equals("onboarding")) {
                    if (tenants.size() < LEAD_TENANTS) {
                        log.info("onboarding {} tenants for the lead benchmark...", LEAD_TENANTS);
                        OnboardingBenchmark.Result setup = OnboardingBenchmark.run(platform, "leads", LEAD_TENANTS);
                        if (setup.tenants().size() < LEAD_TENANTS) {
                            throw new IllegalStateException("only " + setup.tenants().size() + " of " + LEAD_TENANTS
                                    + " tenants could be onboarded: " + setup.errorSamples());
                        }
                        tenants = setup.tenants();
                    }
                    runs.leads = LeadBenchmark.run(platform, tenants.subList(0, LEAD_TENANTS));
                }
                return (runs.onboarding != null && runs.onboarding.errors() > 0)
                        || (runs.leads != null && runs.leads.errors() > 0);
            });
        }
        if (which.equals("cdc") || which.equals("all")) {
            log.info("change-data-capture benchmark on a platform of its own; load average {}", Machine.loadAverage());
            runs.onPlatform(BenchPlatform::startWarehouse, "the CDC job and ClickHouse", platform -> {
                runs.cdc = CdcBenchmark.run(platform, home);
                return runs.cdc.errors() > 0;
            });
        }
        if (which.equals("accounts") || which.equals("all")) {
            log.info("funnel and high-seas benchmarks on a platform of their own; load average {}", Machine.loadAverage());
            runs.onPlatform(() -> BenchPlatform.start(home, AccountsBenchmark.CRM_ENV), "the platform", platform -> {
                runs.accounts = AccountsBenchmark.run(platform, size("BENCH_CUSTOMERS", ACCOUNT_CUSTOMERS),
                        size("BENCH_OPPORTUNITIES", ACCOUNT_OPPORTUNITIES));
                return runs.accounts.errors() > 0;
            });
        }
        if (which.equals("lead-scale") || which.equals("all")) {
            log.info("lead-scale benchmarks on a platform of their own; load average {}", Machine.loadAverage());
            runs.onPlatform(() -> BenchPlatform.start(home), "the platform", platform -> {
                runs.scale = LeadScaleBenchmark.run(platform);
                return runs.scale.errors() > 0;
            });
        }
        if (!which.equals("lead-scale")) {
            log.info(Summary.text(machine, started, Instant.now(), runs.onboarding, runs.leads, runs.cdc,
                    runs.accounts));
        }
        if (runs.scale != null) {
            log.info(LeadScaleBenchmark.text(machine, started, Instant.now(), runs.scale));
        }
        if (runs.failedPlatform != null) {
            log.warn("some requests or changes failed; state and logs kept in {}",
                    runs.failedPlatform.logs().getParent());
            return 1;
        }
        return 0;
    }

    /** The results of one run, and the platform whose state is kept because something failed on it. */
    private static final class Runs {
        OnboardingBenchmark.Result onboarding;
        LeadBenchmark.Result leads;
        CdcBenchmark.Result cdc;
        AccountsBenchmark.Result accounts;
        LeadScaleBenchmark.Result scale;
        BenchPlatform failedPlatform;

        /** Starts a platform, runs benchmarks on it (true: something failed) and stops it, keeping its state on failure. */
        void onPlatform(Supplier<BenchPlatform> start, String what, Predicate<BenchPlatform> benchmarksFailed) {
            BenchPlatform platform = start.get();
            try {
                if (benchmarksFailed.test(platform)) {
                    failedPlatform = keep(platform);
                }
            } catch (RuntimeException e) {
                keep(platform);
                throw e;
            } finally {
                log.info("stopping {}", what);
                platform.close();
            }
        }
    }

    /** A size the environment may lower for a quick trial run; the documented figures use the defaults. */
    static int size(String variable, int standard) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? standard : Integer.parseInt(value.strip());
    }

    private static BenchPlatform keep(BenchPlatform platform) {
        platform.keepState();
        log.warn("state and logs kept in {}", platform.logs().getParent());
        return platform;
    }
}
