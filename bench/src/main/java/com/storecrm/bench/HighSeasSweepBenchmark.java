package com.storecrm.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The high-seas sweep over the seeded tenant's 1,000,000 customers (issue 6: under 60 s on 2 cores),
 * run by the real job code in the running crm: the tenant administrator's
 * {@code POST /api/high-seas/sweeps} runs the tenant's round as the scheduler does (the bench crm's
 * own schedule is pushed back so it cannot run first) and answers when the round is done. Timed
 * from send to answer. Checked afterwards in the database: one history entry per moved customer,
 * none twice, every customer overdue when the request left among them (the sweep's clock starts a
 * moment later and may find a few more) and none of those left.
 */
final class HighSeasSweepBenchmark {

    private static final Logger log = LoggerFactory.getLogger(HighSeasSweepBenchmark.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Result(int customers, long expected, long moved, long journaled, long journaledCustomers, long leftOverdue,
                  double seconds, Map<String, Double> cpuCores, String loadBefore, String loadAfter, String error) {

        double customersPerSecond() {
            return moved / seconds;
        }

        long errors() {
            return error != null || moved < expected || journaled != moved || journaledCustomers != moved
                    || leftOverdue != 0 ? 1 : 0;
        }
    }

    private HighSeasSweepBenchmark() {
    }

    static Result run(BenchPlatform platform, AccountsSeed.Seeded seed) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Instant at = Instant.now();
        long expected = AccountsSeed.overdue(platform, seed.schema(), at);
        log.info("high-seas sweep: {} of {} customers are overdue; POST /api/high-seas/sweeps...", expected,
                seed.customers());
        String loadBefore = Machine.loadAverage();
        CpuMeter cpu = platform.cpuMeter();
        CpuMeter.Sample before = cpu.sample();
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.crmUrl() + "/api/high-seas/sweeps"))
                .header("Authorization", seed.adminBearer()).timeout(Duration.ofMinutes(15))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        long sent = System.nanoTime();
        long moved = -1;
        String error = null;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                moved = JSON.readTree(response.body()).path("moved").asLong(-1);
            } else {
                error = "answered " + response.statusCode() + ": " + response.body();
            }
        } catch (IOException e) {
            error = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double seconds = (System.nanoTime() - sent) / 1e9;
        Map<String, Double> cores = CpuMeter.coresBetween(before, cpu.sample(), Runtime.getRuntime().availableProcessors());
        String loadAfter = Machine.loadAverage();
        long journaled = AccountsSeed.count(platform, seed.schema(), """
                select count(*) from account_ownership_history
                where action in ('MOVE_FOR_NO_RETURN_VISIT', 'MISS_RETURN_VISIT_DEADLINE')""");
        long journaledCustomers = AccountsSeed.count(platform, seed.schema(), """
                select count(distinct account_id) from account_ownership_history
                where action in ('MOVE_FOR_NO_RETURN_VISIT', 'MISS_RETURN_VISIT_DEADLINE')""");
        long left = AccountsSeed.overdue(platform, seed.schema(), at);
        log.info("high-seas sweep: moved {} in {} s; {} history entries for {} customers; {} overdue left{}", moved,
                String.format("%.1f", seconds), journaled, journaledCustomers, left, error == null ? "" : "; " + error);
        return new Result(seed.customers(), expected, moved, journaled, journaledCustomers, left, seconds, cores,
                loadBefore, loadAfter, error);
    }
}
