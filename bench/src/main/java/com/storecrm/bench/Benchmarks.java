package com.storecrm.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./platform bench [onboarding|leads|all]}: starts a fresh platform (embedded PostgreSQL,
 * tenant-admin, crm) in a temporary folder, runs the chosen benchmarks against its public APIs,
 * logs a summary and stops everything. Exit status 0 when every request succeeded, 1 when any failed
 * (the summary says which; the state folder with the service logs is then kept), 2 for bad usage.
 * Targets are reported, not enforced. See docs/benchmarks.md.
 */
public final class Benchmarks {

    static final int ONBOARDING_TENANTS = 200;
    static final int LEAD_TENANTS = 50;

    private static final Logger log = LoggerFactory.getLogger(Benchmarks.class);

    private Benchmarks() {
    }

    public static void main(String[] args) {
        String which = args.length == 0 ? "all" : args[0];
        if (args.length > 1 || !List.of("onboarding", "leads", "all").contains(which)) {
            log.error("usage: ./platform bench [onboarding|leads|all]   (default: all)");
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
        log.info("StoreCRM benchmarks ({}) on {}", which, machine.describe());
        OnboardingBenchmark.Result onboarding = null;
        LeadBenchmark.Result leads = null;
        boolean failed;
        BenchPlatform platform = BenchPlatform.start(home);
        try {
            List<BenchTenant> tenants = List.of();
            if (!which.equals("leads")) {
                log.info("onboarding benchmark: {} tenants one after another...", ONBOARDING_TENANTS);
                onboarding = OnboardingBenchmark.run(platform, "bench", ONBOARDING_TENANTS);
                tenants = onboarding.tenants();
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
                leads = LeadBenchmark.run(platform, tenants.subList(0, LEAD_TENANTS));
            }
            failed = (onboarding != null && onboarding.errors() > 0) || (leads != null && leads.errors() > 0);
        } catch (RuntimeException e) {
            platform.keepState();
            log.warn("state and service logs kept in {}", platform.logs().getParent());
            throw e;
        } finally {
            log.info("stopping the platform");
            platform.close();
        }
        log.info(Summary.text(machine, started, Instant.now(), onboarding, leads));
        if (failed) {
            platform.keepState();
            log.warn("some requests failed; state and service logs kept in {}", platform.logs().getParent());
            return 1;
        }
        return 0;
    }
}
