package com.storecrm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A 100,000-row CSV file imported through {@code POST /api/lead-imports} by a sales rep with their
 * own token (issue 5). The file has bad rows (no name, a malformed email address), duplicates of
 * earlier rows of the file and duplicates of leads the store already has; the benchmark works out
 * the exact outcome of every row beforehand, polls the import's progress until it completes, and
 * requires the counts, the leads in the database and the rejected-rows report to match exactly.
 */
final class ImportBenchmark {

    static final int ROWS = 100_000;
    static final int EXISTING_LEADS = 500;
    /** Untimed imports of the same size and shape before the measured one ({@code BENCH_IMPORT_WARM_UPS}). */
    static final int WARM_UPS = 2;
    static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    static final Duration TIMEOUT = Duration.ofMinutes(15);
    static final double TARGET_ROWS_PER_SECOND = 10_000;

    private static final Logger log = LoggerFactory.getLogger(ImportBenchmark.class);

    record Result(int rows, long fileBytes, int expectedAccepted, int expectedRejected, String status, long read,
                  long accepted, long rejected, long leadsInDatabase, long reportRows, double uploadSeconds,
                  double totalSeconds, double jobSeconds, Map<String, Double> cpu, String failure) {

        double rowsPerSecond() {
            return rows / totalSeconds;
        }

        double jobRowsPerSecond() {
            return rows / jobSeconds;
        }

        boolean exact() {
            return "COMPLETED".equals(status) && read == rows && accepted == expectedAccepted
                    && rejected == expectedRejected && leadsInDatabase == expectedAccepted
                    && reportRows == expectedRejected;
        }

        long errors() {
            return exact() ? 0 : 1;
        }
    }

    private ImportBenchmark() {
    }

    static Result run(BenchPlatform platform, ScaleTenant tenant) {
        UUID store = tenant.stores().get(0);
        UUID warmUpStore = tenant.stores().get(1);
        ScaleTenant.User importer = tenant.users("importer", 1, "SALES_REP", List.of(store, warmUpStore)).get(0);
        seedExisting(tenant, store);
        int warmUps = Benchmarks.size("BENCH_IMPORT_WARM_UPS", WARM_UPS);
        for (int round = 1; round <= warmUps; round++) {
            warmUp(platform, importer, warmUpStore, round);
        }
        ImportFile planned = ImportFile.plan(ROWS, "Import", "buyer", "139", EXISTING_LEADS);
        byte[] file = planned.content();
        int accepted = planned.accepted();
        int rejected = ROWS - accepted;
        log.info("import: {} rows ({} MB), expecting {} accepted and {} rejected", ROWS,
                String.format(Locale.ROOT, "%.1f", file.length / 1e6), accepted, rejected);

        ScaleApi crm = new ScaleApi(platform.crmUrl());
        CpuMeter cpu = platform.cpuMeter();
        CpuMeter.Sample before = cpu.sample();
        long start = System.nanoTime();
        JsonNode view;
        try {
            view = crm.require("upload", crm.upload("/api/lead-imports", importer.bearer(), "bench.csv", file,
                    "storeId", store.toString()), 202);
            double uploadSeconds = (System.nanoTime() - start) / 1e9;
            String id = view.get("id").asString();
            long deadline = start + TIMEOUT.toNanos();
            long lastLogged = start;
            while (!List.of("COMPLETED", "FAILED").contains(view.path("status").asString())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the import did not finish within " + TIMEOUT + ": " + view);
                }
                TimeUnit.NANOSECONDS.sleep(POLL_INTERVAL.toNanos());
                view = crm.require("import status", crm.get("/api/lead-imports/" + id, importer.bearer()), 200);
                if (System.nanoTime() - lastLogged > 5_000_000_000L) {
                    lastLogged = System.nanoTime();
                    log.info("import: {} of {} rows done", view.path("rowsRead").asLong(), ROWS);
                }
            }
            double totalSeconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> cores = CpuMeter.coresBetween(before, cpu.sample(), Runtime.getRuntime().availableProcessors());
            ScaleApi.Answer report = crm.get("/api/lead-imports/" + id + "/rejected", importer.bearer());
            long reportRows = report.status() == 200 ? report.body().lines().count() - 1 : -1;
            long leads = tenant.number("select count(*) from " + tenant.schema()
                    + ".lead where created_by = ? and store_id = ?", importer.id(), store);
            Result result = new Result(ROWS, file.length, accepted, rejected, view.path("status").asString(),
                    view.path("rowsRead").asLong(), view.path("rowsWritten").asLong(), view.path("rowsRejected").asLong(),
                    leads, reportRows, uploadSeconds, totalSeconds, jobSeconds(tenant, UUID.fromString(id)), cores,
                    view.path("failure").isNull() ? null : view.path("failure").asString());
            log.info("import: {} in {} s ({} rows/s), {} accepted, {} rejected", result.status(),
                    String.format(Locale.ROOT, "%.1f", totalSeconds), String.format(Locale.ROOT, "%.0f", result.rowsPerSecond()),
                    result.accepted(), result.rejected());
            return result;
        } catch (IOException e) {
            throw new IllegalStateException("the import benchmark could not talk to crm: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * An untimed import of a file of the measured file's size and shape (bad rows, duplicates within
     * the file) into another store, so that crm's JIT has compiled the import path - the valid and the
     * refused rows alike - as on a service that has been running: the measured import is not the
     * first one the service ever runs. Each round uses names and numbers of its own.
     */
    private static void warmUp(BenchPlatform platform, ScaleTenant.User importer, UUID store, int round) {
        ImportFile planned = ImportFile.plan(ROWS, "Warm-up " + round, "warm" + round + "-", "13" + round, 0);
        ScaleApi crm = new ScaleApi(platform.crmUrl());
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try {
            JsonNode view = crm.require("warm-up upload", crm.upload("/api/lead-imports", importer.bearer(), "warm-up.csv",
                    planned.content(), "storeId", store.toString()), 202);
            String id = view.get("id").asString();
            while (!List.of("COMPLETED", "FAILED").contains(view.path("status").asString()) && System.nanoTime() < deadline) {
                TimeUnit.NANOSECONDS.sleep(POLL_INTERVAL.toNanos());
                view = crm.require("warm-up status", crm.get("/api/lead-imports/" + id, importer.bearer()), 200);
            }
            if (view.path("rowsWritten").asLong() != planned.accepted()) {
                throw new IllegalStateException("the warm-up import did not import its " + planned.accepted()
                        + " valid rows: " + view);
            }
            log.info("import warm-up {}: {} rows imported (untimed)", round, ROWS);
        } catch (IOException e) {
            throw new IllegalStateException("the import warm-up could not talk to crm: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * A CSV file of {@code rows} rows and the number of them that will be accepted: names missing
     * (every 97th row), malformed email addresses (every 89th), phone numbers repeating an earlier row
     * (every 101st) and, when the store has {@code existing} seeded leads, repeating one of those
     * (every 211th). Names, companies, email addresses ({@code mailbox} + row) and mobile numbers
     * ({@code +86 <area> ...}) are the file's own.
     */
    record ImportFile(byte[] content, int accepted) {

        static ImportFile plan(int rows, String prefix, String mailbox, String area, int existing) {
            StringBuilder csv = new StringBuilder(rows * 90);
            csv.append("name,company,phone,email,region\r\n");
            Set<String> phones = new HashSet<>();
            Set<String> emails = new HashSet<>();
            for (int i = 1; i <= existing; i++) {
                phones.add(digits(existingPhone(i)));
            }
            int accepted = 0;
            for (int row = 1; row <= rows; row++) {
                String name = row % 97 == 0 ? "" : prefix + " buyer " + row;
                String email = row % 89 == 0 ? "not-an-address-" + row : mailbox + row + "@import.example";
                String phone = phone(area, row);
                if (row % 101 == 0) {
                    phone = phone(area, row - 7);
                } else if (existing > 0 && row % 211 == 0) {
                    phone = existingPhone(row % existing + 1);
                }
                boolean valid = !name.isEmpty() && row % 89 != 0;
                boolean duplicate = phones.contains(digits(phone)) || emails.contains(email);
                if (valid && !duplicate) {
                    accepted++;
                    phones.add(digits(phone));
                    emails.add(email);
                }
                csv.append(name).append(',').append(prefix).append(" Co ").append(row % 997).append(',').append(phone)
                        .append(',').append(email).append(',').append(row % 2 == 0 ? "East" : "North").append("\r\n");
            }
            return new ImportFile(csv.toString().getBytes(StandardCharsets.UTF_8), accepted);
        }
    }

    /** Leads the store has before the import; some rows of the file repeat their phone numbers. */
    private static void seedExisting(ScaleTenant tenant, UUID store) {
        try (Connection connection = tenant.owner(); PreparedStatement insert = connection.prepareStatement(
                "insert into " + tenant.schema() + ".lead (id, store_id, name, phone, source, status, owner_id,"
                        + " created_at, updated_at) select gen_random_uuid(), ?, 'Existing buyer ' || g,"
                        + " '+86 136 ' || lpad(g::text, 8, '0'), 'WEBSITE', 'PENDING', ?, now(), now()"
                        + " from generate_series(1, ?) g")) {
            insert.setObject(1, store);
            insert.setObject(2, tenant.admin().id());
            insert.setInt(3, EXISTING_LEADS);
            insert.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("seeding the existing leads failed: " + e.getMessage(), e);
        }
    }

    /** The import's job execution from its start to its end, from Spring Batch's own record. */
    private static double jobSeconds(ScaleTenant tenant, UUID importId) {
        long execution = tenant.number("select job_execution_id from " + tenant.schema() + ".lead_import where id = ?",
                importId);
        try (Connection connection = tenant.owner(); PreparedStatement query = connection.prepareStatement(
                "select start_time, end_time from public.batch_job_execution where job_execution_id = ?")) {
            query.setLong(1, execution);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Double.NaN;
                }
                Timestamp started = row.getTimestamp(1);
                Timestamp ended = row.getTimestamp(2);
                connection.commit();
                return started == null || ended == null ? Double.NaN : (ended.getTime() - started.getTime()) / 1e3;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the job execution failed: " + e.getMessage(), e);
        }
    }

    private static String phone(String area, int row) {
        return String.format(Locale.ROOT, "+86 %s %04d %04d", area, row / 10_000, row % 10_000);
    }

    private static String existingPhone(int n) {
        return "+86 136 " + String.format(Locale.ROOT, "%08d", n);
    }

    private static String digits(String phone) {
        return phone.replaceAll("[^0-9]", "");
    }
}
