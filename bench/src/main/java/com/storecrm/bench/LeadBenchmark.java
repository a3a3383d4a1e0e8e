package com.storecrm.bench;

import com.storecrm.bench.TrafficPlan.Kind;
import com.storecrm.bench.TrafficPlan.Slot;
import com.storecrm.devstack.PlatformClient;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lead API under load from many tenants at once: every tenant's admin token is fetched once,
 * each store gets a first lead, a warm-up runs, then an open-loop run at a fixed rate (requests
 * leave on a fixed schedule whatever the answers do, and latency counts from the scheduled time,
 * so a slow server cannot hide its backlog) and a closed-loop run for the most the platform takes.
 */
final class LeadBenchmark {

    static final int WARM_UP_REQUESTS = 2_000;
    static final int WARM_UP_CLIENTS = 16;
    static final int RATE_PER_SECOND = 500;
    static final int OPEN_LOOP_SECONDS = 30;
    static final int OPEN_LOOP_CLIENT_THREADS = 64;
    static final int CLOSED_LOOP_CLIENTS = 32;
    static final int CLOSED_LOOP_SECONDS = 20;
    /** A ceiling on the closed loop's request count, far above what the duration allows. */
    static final long CLOSED_LOOP_MAX_REQUESTS = 2_000_000;

    private static final Logger log = LoggerFactory.getLogger(LeadBenchmark.class);

    private LeadBenchmark() {
    }

    record Result(int tenants, PhaseStats.Result<Kind> seed, PhaseStats.Result<Kind> warmUp, PhaseStats.Result<Kind> openLoop,
                  Map<String, Double> openLoopCpu, PhaseStats.Result<Kind> closedLoop, Map<String, Double> closedLoopCpu) {

        long errors() {
            return seed.totalErrors() + warmUp.totalErrors() + openLoop.totalErrors() + closedLoop.totalErrors();
        }
    }

    static Result run(BenchPlatform platform, List<BenchTenant> tenants) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<LeadTraffic.Session> sessions = new ArrayList<>();
        for (BenchTenant tenant : tenants) {
            String bearer = PlatformClient.clientCredentialsToken(platform.tenantAdminUrl(), tenant.clientId(),
                    tenant.clientSecret());
            sessions.add(new LeadTraffic.Session(tenant.slug(), bearer, tenant.storeIds()));
        }
        log.info("fetched the admin tokens of {} tenants", sessions.size());
        LeadTraffic traffic = new LeadTraffic(http, platform.crmUrl(), sessions);
        int stores = tenants.stream().mapToInt(tenant -> tenant.storeIds().size()).min().orElse(1);
        TrafficPlan plan = new TrafficPlan(tenants.size(), stores);

        PhaseStats.Result<Kind> seed = closedLoop("seed", traffic, 8, plan.seedRequests(), Duration.ofMinutes(2), plan::seed);
        log.info("seeded one lead per store: {} leads, {} errors", traffic.leadsKnown(), seed.totalErrors());
        PhaseStats.Result<Kind> warmUp = closedLoop("warm-up", traffic, WARM_UP_CLIENTS, WARM_UP_REQUESTS,
                Duration.ofMinutes(2), plan::mixed);
        log.info("warm-up: {} requests in {} s, {} errors", warmUp.totalCount(),
                String.format("%.1f", warmUp.elapsedNanos() / 1e9), warmUp.totalErrors());
        log.info("open loop: {} req/s for {} s over {} tenants...", RATE_PER_SECOND, OPEN_LOOP_SECONDS, tenants.size());
        CpuMeter cpu = platform.cpuMeter();
        int cores = Runtime.getRuntime().availableProcessors();
        CpuMeter.Sample openStart = cpu.sample();
        PhaseStats.Result<Kind> open = openLoop(traffic, plan, RATE_PER_SECOND, OPEN_LOOP_SECONDS, WARM_UP_REQUESTS);
        Map<String, Double> openCpu = CpuMeter.coresBetween(openStart, cpu.sample(), cores);
        log.info("open loop done: {} requests, {} errors", open.totalCount(), open.totalErrors());
        log.info("closed loop: {} clients for {} s...", CLOSED_LOOP_CLIENTS, CLOSED_LOOP_SECONDS);
        long next = WARM_UP_REQUESTS + (long) RATE_PER_SECOND * OPEN_LOOP_SECONDS;
        CpuMeter.Sample closedStart = cpu.sample();
        PhaseStats.Result<Kind> closed = closedLoop("closed loop", traffic, CLOSED_LOOP_CLIENTS, CLOSED_LOOP_MAX_REQUESTS,
                Duration.ofSeconds(CLOSED_LOOP_SECONDS), n -> plan.mixed(next + n));
        Map<String, Double> closedCpu = CpuMeter.coresBetween(closedStart, cpu.sample(), cores);
        log.info("closed loop done: {} requests, {} errors", closed.totalCount(), closed.totalErrors());
        return new Result(tenants.size(), seed, warmUp, open, openCpu, closed, closedCpu);
    }

    /**
     * Requests leave on a fixed schedule (one every {@code 1/rate} s, {@code rate x seconds} in all)
     * through {@link OpenLoop}; latency counts from each due time, so queueing behind a slow answer
     * is part of the figure (no coordinated omission).
     */
    static PhaseStats.Result<Kind> openLoop(LeadTraffic traffic, TrafficPlan plan, int rate, int seconds, long firstSlot) {
        PhaseStats<Kind> stats = new PhaseStats<>(Kind.class);
        OpenLoop.Timing timing = OpenLoop.run(rate, (long) rate * seconds,
                OpenLoop.pool(OPEN_LOOP_CLIENT_THREADS, "bench-client-"), (i, due, late) -> {
                    stats.schedulerLag(late);
                    Slot slot = plan.mixed(firstSlot + i);
                    return () -> traffic.issue(slot, due, stats);
                });
        return stats.result("open loop", timing.startNanos(), timing.unfinished());
    }

    /** {@code clients} threads each send a request as soon as the previous answer is in, until the count or the time is up. */
    static PhaseStats.Result<Kind> closedLoop(String name, LeadTraffic traffic, int clients, long maxRequests, Duration duration,
                                              LongFunction<Slot> plan) {
        PhaseStats<Kind> stats = new PhaseStats<>(Kind.class);
        AtomicLong next = new AtomicLong();
        ExecutorService pool = OpenLoop.pool(clients, "bench-" + name.replace(' ', '-') + "-");
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                for (long n = next.getAndIncrement(); n < maxRequests && System.nanoTime() < deadline;
                     n = next.getAndIncrement()) {
                    traffic.issue(plan.apply(n), System.nanoTime(), stats);
                }
            });
        }
        return stats.result(name, start, OpenLoop.drain(pool));
    }

}
