package com.storecrm.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/opportunities/funnel} on the seeded tenant (issue 6: p95 under 100 ms with 500,000
 * opportunities), the way the CRM's users ask: the tenant administrator over the whole tenant and
 * over one store and quarter, a store manager over one process, a rep over their own opportunities
 * and the administrator over one rep and two years. Per case: {@value #WARM_UP} untimed requests,
 * then {@value #MEASURED} timed ones, one after another from one client, each from send to the end
 * of the answer. An answer other than 200, or a whole-tenant funnel that does not add up to every
 * seeded opportunity, is an error.
 */
final class FunnelBenchmark {

    static final int WARM_UP = 20;
    static final int MEASURED = 200;

    private static final Logger log = LoggerFactory.getLogger(FunnelBenchmark.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_ERROR_SAMPLES = 3;

    record Case(String name, String bearer, String query, long expectedTotal) {
    }

    record Row(String name, long opportunities, Latencies.Snapshot latencies, long errors, List<String> errorSamples) {
    }

    record Result(List<Row> rows, Map<String, Double> cpuCores, String loadBefore, String loadAfter) {

        long errors() {
            return rows.stream().mapToLong(Row::errors).sum();
        }
    }

    private FunnelBenchmark() {
    }

    static Result run(BenchPlatform platform, AccountsSeed.Seeded seed) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Case> cases = List.of(
                new Case("admin, whole tenant", seed.adminBearer(), "", seed.opportunities()),
                new Case("admin, 1 store, 1 quarter", seed.adminBearer(), "?storeId=" + seed.manager().store()
                        + "&closeFrom=" + today + "&closeTo=" + today.plusDays(90), -1),
                new Case("manager, 1 process", seed.manager().bearer(), "?salesProcessId=" + seed.processes().get(0), -1),
                new Case("rep, own", seed.rep().bearer(), "", -1),
                new Case("admin, 1 owner, 2 years", seed.adminBearer(), "?ownerId=" + seed.rep().id()
                        + "&closeFrom=" + today.minusDays(365) + "&closeTo=" + today.plusDays(365), -1));
        String loadBefore = Machine.loadAverage();
        CpuMeter cpu = platform.cpuMeter();
        CpuMeter.Sample before = cpu.sample();
        List<Row> rows = new ArrayList<>();
        for (Case c : cases) {
            URI uri = URI.create(platform.crmUrl() + "/api/opportunities/funnel" + c.query());
            Latencies latencies = new Latencies();
            List<String> samples = new ArrayList<>();
            long errors = 0;
            long total = -1;
            for (int n = 0; n < WARM_UP + MEASURED; n++) {
                HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", c.bearer())
                        .timeout(Duration.ofSeconds(30)).GET().build();
                long sent = System.nanoTime();
                String problem;
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - sent;
                    problem = response.statusCode() == 200 ? null : "answered " + response.statusCode() + ": "
                            + response.body();
                    if (problem == null) {
                        total = total(JSON.readTree(response.body()));
                        if (c.expectedTotal() >= 0 && total != c.expectedTotal()) {
                            problem = "counted " + total + " opportunities, not " + c.expectedTotal();
                        }
                    }
                    if (n >= WARM_UP && problem == null) {
                        latencies.record(took);
                    }
                } catch (IOException e) {
                    problem = e.toString();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                if (problem != null) {
                    errors++;
                    if (samples.size() < MAX_ERROR_SAMPLES) {
                        samples.add(c.name() + ": " + problem);
                    }
                }
            }
            Latencies.Snapshot snapshot = latencies.snapshot();
            log.info("funnel, {}: {} opportunities, p50 {} ms, p95 {} ms, {} errors", c.name(), total,
                    String.format("%.1f", snapshot.percentileMillis(50)), String.format("%.1f", snapshot.percentileMillis(95)),
                    errors);
            rows.add(new Row(c.name(), total, snapshot, errors, List.copyOf(samples)));
        }
        return new Result(List.copyOf(rows),
                CpuMeter.coresBetween(before, cpu.sample(), Runtime.getRuntime().availableProcessors()), loadBefore,
                Machine.loadAverage());
    }

    /** Every opportunity the funnel counted: open ones per stage, won, lost and invalid. */
    private static long total(JsonNode funnel) {
        long open = 0;
        for (JsonNode stage : funnel.path("stages")) {
            open += stage.path("count").asLong();
        }
        return open + funnel.path("won").path("count").asLong() + funnel.path("lost").path("count").asLong()
                + funnel.path("invalid").path("count").asLong();
    }
}
