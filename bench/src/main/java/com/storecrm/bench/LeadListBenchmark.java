package com.storecrm.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The lead list of a tenant with 1,000,000 leads (issue 5): {@code GET /api/leads?status=...&size=50}
 * with the default sort (newest first), timed one request after another for the tenant
 * administrator (every lead of the 4 stores) and for sales reps (their own leads and those whose
 * related team they are on). The leads are written straight into the schema: 4 stores, 200 owners
 * (50 per store, 20 of them real sales reps with tokens), statuses spread as a working tenant has
 * them, 5 % of the leads with a related team member. Every answer must be 200 with a full page and
 * the exact total the database holds for that caller.
 */
final class LeadListBenchmark {

    static final int LEADS = 1_000_000;
    static final int CHUNK = 100_000;
    static final int OWNERS_PER_STORE = 50;
    static final int REPS_PER_STORE = 5;
    static final int WARM_UP = 50;
    static final int REQUESTS = 300;
    static final int PAGE_SIZE = 50;
    static final String STATUS = "IN_PROGRESS";
    static final double TARGET_P95_MS = 50;

    private static final Logger log = LoggerFactory.getLogger(LeadListBenchmark.class);

    record Series(String caller, int requests, long errors, Latencies.Snapshot latency, List<String> errorSamples) {
    }

    record Result(long leads, double seedSeconds, String status, long adminTotal, Series admin, Series rep,
                  Map<String, Double> cpu) {

        long errors() {
            return admin.errors() + rep.errors();
        }
    }

    private LeadListBenchmark() {
    }

    static Result run(BenchPlatform platform, ScaleTenant tenant) {
        List<UUID> stores = tenant.stores();
        List<ScaleTenant.User> reps = new ArrayList<>();
        for (UUID store : stores) {
            reps.addAll(tenant.users("rep" + stores.indexOf(store) + "_", REPS_PER_STORE, "SALES_REP", List.of(store)));
        }
        UUID[] owners = new UUID[stores.size() * OWNERS_PER_STORE];
        for (int k = 0; k < owners.length; k++) {
            // owner k works in store k % 4; the first reps of each store are real users
            int store = k % stores.size();
            int nth = k / stores.size();
            owners[k] = nth < REPS_PER_STORE ? reps.get(store * REPS_PER_STORE + nth).id() : UUID.randomUUID();
        }
        log.info("lead list: seeding {} leads in tenant {}...", LEADS, tenant.slug());
        long seedStart = System.nanoTime();
        seed(tenant, stores, owners);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        long adminTotal = tenant.number("select count(*) from " + tenant.schema() + ".lead where status = ?", STATUS);
        log.info("lead list: seeded in {} s; {} leads are {}", String.format(Locale.ROOT, "%.1f", seedSeconds),
                adminTotal, STATUS);
        long[] repTotals = new long[reps.size()];
        for (int i = 0; i < reps.size(); i++) {
            repTotals[i] = tenant.number("select count(*) from " + tenant.schema() + ".lead l where status = ? and"
                    + " (owner_id = ? or exists (select 1 from " + tenant.schema()
                    + ".lead_team_member m where m.lead_id = l.id and m.user_id = ?))", STATUS, reps.get(i).id(),
                    reps.get(i).id());
        }
        if (LeadListPlans.wanted()) {
            LeadListPlans.log(platform.database().appDataSource(), tenant, STATUS, reps.get(0).id(), List.of(stores.get(0)));
        }
        ScaleApi crm = new ScaleApi(platform.crmUrl());
        CpuMeter cpu = platform.cpuMeter();
        CpuMeter.Sample before = cpu.sample();
        Series admin = series(crm, "tenant administrator", List.of(tenant.admin()), new long[] {adminTotal});
        Series rep = series(crm, "sales reps", reps, repTotals);
        Map<String, Double> cores = CpuMeter.coresBetween(before, cpu.sample(), Runtime.getRuntime().availableProcessors());
        return new Result(LEADS, seedSeconds, STATUS, adminTotal, admin, rep, cores);
    }

    /**
     * {@value #WARM_UP} untimed requests, then {@value #REQUESTS} timed ones, one after another,
     * callers taking turns.
     */
    private static Series series(ScaleApi crm, String caller, List<ScaleTenant.User> users, long[] totals) {
        Latencies latency = new Latencies();
        long errors = 0;
        List<String> samples = new ArrayList<>();
        String path = "/api/leads?status=" + STATUS + "&size=" + PAGE_SIZE;
        for (int n = 0; n < WARM_UP + REQUESTS; n++) {
            int who = n % users.size();
            long sent = System.nanoTime();
            String failure;
            try {
                ScaleApi.Answer answer = crm.get(path, users.get(who).bearer());
                long took = System.nanoTime() - sent;
                failure = check(answer, totals[who]);
                if (failure == null && n >= WARM_UP) {
                    latency.record(took);
                }
            } catch (IOException e) {
                failure = "I/O " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (failure != null) {
                errors++;
                if (samples.size() < 5) {
                    samples.add(failure);
                }
            }
        }
        Series series = new Series(caller, REQUESTS, errors, latency.snapshot(), samples);
        log.info("lead list, {}: p50 {} ms, p95 {} ms, {} errors", caller,
                String.format(Locale.ROOT, "%.1f", series.latency().percentileMillis(50)),
                String.format(Locale.ROOT, "%.1f", series.latency().percentileMillis(95)), errors);
        return series;
    }

    /** crm's default {@code crm.leads.list-count-cap}: lists count exactly up to it and report it as a lower bound beyond. */
    static final long COUNT_CAP = 10_000;

    private static String check(ScaleApi.Answer answer, long total) {
        if (answer.status() != 200) {
            return "HTTP " + answer.status() + ": " + answer.abbreviated();
        }
        JsonNode page = answer.json();
        int expectedSize = (int) Math.min(PAGE_SIZE, total);
        boolean exact = total <= COUNT_CAP;
        long expectedTotal = exact ? total : COUNT_CAP;
        if (page.path("content").size() != expectedSize || page.path("totalElements").asLong() != expectedTotal
                || page.path("totalExact").asBoolean() != exact) {
            return "expected " + expectedSize + " leads of " + expectedTotal + (exact ? "" : " or more") + ", got "
                    + page.path("content").size() + " of " + page.path("totalElements").asLong()
                    + (page.path("totalExact").asBoolean() ? "" : " or more");
        }
        for (JsonNode lead : page.path("content")) {
            if (!STATUS.equals(lead.path("status").asString())) {
                return "a lead in status " + lead.path("status").asString();
            }
        }
        return null;
    }

    /**
     * Statuses by {@code g % 20}: 10 % Unassigned (in no pool here), 25 % Pending, 35 % In Progress,
     * 10 % Invalid, 15 % Converted, 5 % Discarded; created over the last year, newest first in g.
     */
    private static void seed(ScaleTenant tenant, List<UUID> stores, UUID[] owners) {
        String s = tenant.schema();
        try (Connection connection = tenant.owner()) {
            for (int first = 1; first <= LEADS; first += CHUNK) {
                tenant.scope(connection);
                try (PreparedStatement insert = connection.prepareStatement("insert into " + s + ".lead (id, store_id,"
                        + " name, company, phone, email, source, status, owner_id, created_at, created_by, updated_at)"
                        + " select gen_random_uuid(), (?::uuid[])[1 + g % 4], 'Buyer ' || g, 'Company ' || (g % 9973),"
                        + " '+86 1' || lpad(g::text, 10, '0'), 'buyer' || g || '@example.com',"
                        + " (array['WEBSITE','REFERRAL','EXHIBITION','ADVERTISING'])[1 + (g / 7) % 4], st,"
                        + " case when st = 'UNASSIGNED' then null else (?::uuid[])[1 + g % 4 + 4 * ((hashint8(g) & 2147483647) % 50)] end,"
                        + " ts, (?::uuid[])[1 + g % 4 + 4 * ((hashint8(g) & 2147483647) % 50)], ts"
                        + " from (select g, now() - g * interval '30 seconds' as ts,"
                        + "   (array['UNASSIGNED','UNASSIGNED','PENDING','PENDING','PENDING','PENDING','PENDING',"
                        + "     'IN_PROGRESS','IN_PROGRESS','IN_PROGRESS','IN_PROGRESS','IN_PROGRESS','IN_PROGRESS',"
                        + "     'IN_PROGRESS','INVALID','INVALID','CONVERTED','CONVERTED','CONVERTED','DISCARDED'])"
                        + "     [1 + (g * 13) % 20] as st"
                        + "  from generate_series(?::bigint, ?::bigint) g) v")) {
                    insert.setArray(1, connection.createArrayOf("uuid", stores.toArray()));
                    insert.setArray(2, connection.createArrayOf("uuid", owners));
                    insert.setArray(3, connection.createArrayOf("uuid", owners));
                    insert.setLong(4, first);
                    insert.setLong(5, Math.min(LEADS, first + CHUNK - 1L));
                    insert.executeUpdate();
                }
                connection.commit();
            }
            tenant.scope(connection);
            try (PreparedStatement team = connection.prepareStatement("insert into " + s + ".lead_team_member"
                    + " (lead_id, user_id, store_id, access) select l.id,"
                    + " (?::uuid[])[array_position(?::uuid[], l.store_id) + 4 * ((abs(hashtext(l.id::text)) / 20) % 50)],"
                    + " l.store_id, case when abs(hashtext(l.id::text)) % 40 = 0 then 'READ_WRITE' else 'READ' end"
                    + " from " + s + ".lead l where abs(hashtext(l.id::text)) % 20 = 0"
                    + " and l.owner_id is distinct from"
                    + " (?::uuid[])[array_position(?::uuid[], l.store_id) + 4 * ((abs(hashtext(l.id::text)) / 20) % 50)]")) {
                team.setArray(1, connection.createArrayOf("uuid", owners));
                team.setArray(2, connection.createArrayOf("uuid", stores.toArray()));
                team.setArray(3, connection.createArrayOf("uuid", owners));
                team.setArray(4, connection.createArrayOf("uuid", stores.toArray()));
                team.executeUpdate();
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement vacuum = connection.createStatement()) {
                vacuum.execute("vacuum analyze " + s + ".lead");
                vacuum.execute("vacuum analyze " + s + ".lead_team_member");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("seeding the lead list tenant failed: " + e.getMessage(), e);
        }
    }
}
