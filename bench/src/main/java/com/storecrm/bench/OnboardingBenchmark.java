package com.storecrm.bench;

import com.storecrm.devstack.PlatformClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Onboards tenants one after another through the operator API, each with two subsidiaries of two
 * stores (the shape of the demo tenant), and times each {@code POST /api/platform/tenants} from
 * send to answer.
 */
final class OnboardingBenchmark {

    static final int STORES_PER_TENANT = 4;

    private static final Logger log = LoggerFactory.getLogger(OnboardingBenchmark.class);
    /** Operator tokens live 30 minutes; fetch a new one well before that. */
    private static final long TOKEN_REFRESH_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final int MAX_ERROR_SAMPLES = 5;

    private OnboardingBenchmark() {
    }

    record Result(int requested, List<BenchTenant> tenants, Latencies.Snapshot latencies, double firstMillis,
                  long wallNanos, List<String> errorSamples, Map<String, Double> cpuCores) {

        int errors() {
            return requested - tenants.size();
        }

        double tenantsPerSecond() {
            return tenants.size() / (wallNanos / 1e9);
        }

        /** Tenants that took {@code millis} or longer. */
        long slowerThan(double millis) {
            long limit = (long) (millis * 1_000_000);
            long slow = 0;
            for (long nanos : latencies.sorted()) {
                if (nanos >= limit) {
                    slow++;
                }
            }
            return slow;
        }
    }

    static Result run(BenchPlatform platform, String slugPrefix, int count) {
        String url = platform.tenantAdminUrl() + "/api/platform/tenants";
        Latencies latencies = new Latencies();
        List<BenchTenant> tenants = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        double firstMillis = Double.NaN;
        String token = null;
        long tokenAt = 0;
        CpuMeter cpu = platform.cpuMeter();
        CpuMeter.Sample before = cpu.sample();
        long start = System.nanoTime();
        for (int n = 1; n <= count; n++) {
            if (token == null || System.nanoTime() - tokenAt > TOKEN_REFRESH_NANOS) {
                token = PlatformClient.clientCredentialsToken(platform.tenantAdminUrl(), "platform-operator",
                        platform.operatorSecret());
                tokenAt = System.nanoTime();
            }
            String slug = String.format(Locale.ROOT, "%s_%03d", slugPrefix, n);
            long sent = System.nanoTime();
            try {
                JsonNode created = PlatformClient.post(url, token, body(slug, n), 201);
                long took = System.nanoTime() - sent;
                tenants.add(BenchTenant.from(created, STORES_PER_TENANT));
                latencies.record(took);
                if (n == 1) {
                    firstMillis = took / 1e6;
                }
            } catch (RuntimeException e) {
                if (errors.size() < MAX_ERROR_SAMPLES) {
                    errors.add(slug + ": " + e.getMessage());
                }
                log.warn("onboarding {} failed: {}", slug, e.getMessage());
            }
            if (n % 25 == 0 || n == count) {
                log.info("onboarded {}/{} tenants ({} failed)", tenants.size(), count, n - tenants.size());
            }
        }
        long wall = System.nanoTime() - start;
        return new Result(count, List.copyOf(tenants), latencies.snapshot(), firstMillis, wall, List.copyOf(errors),
                CpuMeter.coresBetween(before, cpu.sample(), Runtime.getRuntime().availableProcessors()));
    }

    private static Map<String, Object> body(String slug, int n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("name", "Bench Tenant " + n);
        body.put("currency", "CNY");
        body.put("subsidiaries", List.of(
                Map.of("name", "North " + n, "stores", List.of(
                        Map.of("name", "North Tmall " + n, "platform", "TMALL"),
                        Map.of("name", "North JD " + n, "platform", "JD"))),
                Map.of("name", "South " + n, "stores", List.of(
                        Map.of("name", "South 1688 " + n, "platform", "ALIBABA_1688"),
                        Map.of("name", "South WeChat " + n, "platform", "WECHAT")))));
        body.put("admin", Map.of("username", "admin", "displayName", "Admin of " + slug, "password", "bench-password"));
        return body;
    }
}
