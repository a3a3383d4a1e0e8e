package com.storecrm.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Claims on one hot pool (issue 5): 32 sales reps, each a member of the pool with a token of their
 * own, claim batches of Unassigned leads back to back for a fixed time. The leads they go for are a
 * shared hot set: every request picks {@value #BATCH} random leads from a window of
 * {@value #WINDOW} at the front of the pool, and the window moves on by {@value #STEP} leads per
 * request, so every lead is wanted by about {@code BATCH / STEP} requests and members collide on
 * them. Limits are set far above what a run claims, so what is measured is the claim path and its
 * row locks. Afterwards the database must agree with the answers: every lead claimed exactly once,
 * by the member whose answer listed it, with one claim record, one history entry and one
 * notification each.
 */
final class ClaimBenchmark {

    static final int CLIENTS = 32;
    static final int BATCH = 50;
    static final int STEP = 40;
    static final int WINDOW = 6_400;
    static final int LEADS = 250_000;
    /** Long enough for crm's JIT to compile the claim path: a fresh service is measured warm, as it runs. */
    static final int WARM_UP_SECONDS = 30;
    static final int MEASURED_SECONDS = 30;
    static final int LIMIT = 10_000;
    static final double TARGET_CLAIMS_PER_SECOND = 2_000;

    private static final Logger log = LoggerFactory.getLogger(ClaimBenchmark.class);

    record Phase(long requests, long errors, long claimed, Map<String, Long> refused, long conflicts,
                 Latencies.Snapshot latency, double seconds, Map<String, Double> cpu, List<String> errorSamples) {

        double requestsPerSecond() {
            return requests / seconds;
        }

        double claimsPerSecond() {
            return claimed / seconds;
        }

        long refusedTotal() {
            return refused.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** What the database says after the run, against the answers. */
    record Check(long answeredClaims, long doubleClaimsInAnswers, long leadsWithOwner, long pendingLeads,
                 long claimRecords, long distinctClaimedLeads, long historyEntries, long notifications,
                 long ownerMismatches) {

        boolean consistent() {
            return doubleClaimsInAnswers == 0 && leadsWithOwner == answeredClaims && pendingLeads == answeredClaims
                    && claimRecords == answeredClaims && distinctClaimedLeads == answeredClaims
                    && historyEntries == answeredClaims && notifications == answeredClaims && ownerMismatches == 0;
        }
    }

    record Result(int clients, int batch, Phase warmUp, Phase measured, Check check) {

        long errors() {
            return warmUp.errors() + measured.errors() + (check.consistent() ? 0 : 1);
        }
    }

    private final BenchPlatform platform;
    private final ScaleTenant tenant;
    private final ScaleApi crm;
    private final Map<UUID, UUID> winners = new ConcurrentHashMap<>();
    private final LongAdder doubleClaims = new LongAdder();
    private final AtomicLong cursor = new AtomicLong();
    private List<UUID> leads;
    private UUID pool;

    private ClaimBenchmark(BenchPlatform platform, ScaleTenant tenant) {
        this.platform = platform;
        this.tenant = tenant;
        this.crm = new ScaleApi(platform.crmUrl());
    }

    static Result run(BenchPlatform platform, ScaleTenant tenant) {
        return new ClaimBenchmark(platform, tenant).run();
    }

    private Result run() {
        UUID store = tenant.stores().get(0);
        log.info("claims: creating {} sales reps with tokens of their own...", CLIENTS);
        List<ScaleTenant.User> members = tenant.users("claimer", CLIENTS, "SALES_REP", List.of(store));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("storeId", store.toString());
        body.put("name", "Hot pool");
        body.put("type", "CLAIMABLE");
        body.put("adminIds", List.of(tenant.admin().id().toString()));
        body.put("memberIds", members.stream().map(m -> m.id().toString()).toList());
        body.put("claimLimit", LIMIT);
        body.put("dailyClaimLimit", LIMIT);
        pool = UUID.fromString(crm.postOrFail("create the pool", "/api/lead-pools", tenant.admin().bearer(), body, 201)
                .get("id").asString());
        leads = seed(store);
        log.info("claims: {} Unassigned leads in the pool; warm-up {} s, then {} clients for {} s, batches of {}",
                leads.size(), WARM_UP_SECONDS, CLIENTS, MEASURED_SECONDS, BATCH);
        Phase warmUp = phase("warm-up", members, WARM_UP_SECONDS);
        log.info("claims warm-up: {} requests, {} leads claimed, {} errors", warmUp.requests(), warmUp.claimed(),
                warmUp.errors());
        Phase measured = phase("measured", members, MEASURED_SECONDS);
        log.info("claims: {} requests, {} leads claimed ({}/s), {} errors", measured.requests(), measured.claimed(),
                String.format("%.0f", measured.claimsPerSecond()), measured.errors());
        Check check = check(warmUp.claimed() + measured.claimed());
        return new Result(CLIENTS, BATCH, warmUp, measured, check);
    }

    /** Unassigned leads in the pool, written straight into the schema (seeding is not what is measured). */
    private List<UUID> seed(UUID store) {
        try (Connection connection = tenant.owner()) {
            try (PreparedStatement insert = connection.prepareStatement("insert into " + tenant.schema()
                    + ".lead (id, store_id, name, company, source, pool_id, status, created_at, updated_at)"
                    + " select gen_random_uuid(), ?, 'Pool buyer ' || g, 'Pool Co ' || (g % 997), 'WEBSITE', ?,"
                    + " 'UNASSIGNED', now() - g * interval '1 second', now() from generate_series(1, ?) g")) {
                insert.setObject(1, store);
                insert.setObject(2, pool);
                insert.setInt(3, LEADS);
                insert.executeUpdate();
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (PreparedStatement vacuum = connection.prepareStatement("vacuum analyze " + tenant.schema() + ".lead")) {
                vacuum.execute();
            }
            connection.setAutoCommit(false);
            tenant.scope(connection);
            List<UUID> ids = new ArrayList<>(LEADS);
            try (PreparedStatement query = connection.prepareStatement("select id from " + tenant.schema()
                    + ".lead where pool_id = ? order by created_at desc, id")) {
                query.setObject(1, pool);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                    }
                }
            }
            connection.commit();
            return List.copyOf(ids);
        } catch (SQLException e) {
            throw new IllegalStateException("seeding the pool failed: " + e.getMessage(), e);
        }
    }

    private Phase phase(String name, List<ScaleTenant.User> members, int seconds) {
        Latencies latency = new Latencies();
        LongAdder requests = new LongAdder();
        LongAdder errors = new LongAdder();
        LongAdder claimed = new LongAdder();
        LongAdder conflicts = new LongAdder();
        Map<String, LongAdder> refused = new ConcurrentHashMap<>();
        List<String> samples = new ArrayList<>();
        CpuMeter cpu = platform.cpuMeter();
        CpuMeter.Sample before = cpu.sample();
        ExecutorService clients = OpenLoop.pool(CLIENTS, "bench-claim-" + name + "-");
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        for (ScaleTenant.User member : members) {
            clients.execute(() -> {
                while (System.nanoTime() < deadline) {
                    List<UUID> batch = nextBatch();
                    if (batch.isEmpty()) {
                        return;
                    }
                    long sent = System.nanoTime();
                    requests.increment();
                    String failure;
                    try {
                        ScaleApi.Answer answer = crm.post("/api/lead-pools/" + pool + "/claim", member.bearer(),
                                Map.of("leadIds", batch.stream().map(UUID::toString).toList()));
                        latency.record(System.nanoTime() - sent);
                        failure = record(answer, member, batch, claimed, conflicts, refused);
                    } catch (IOException e) {
                        failure = "I/O " + e.getClass().getSimpleName() + ": " + e.getMessage();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    if (failure != null) {
                        errors.increment();
                        synchronized (samples) {
                            if (samples.size() < 5) {
                                samples.add(failure);
                            }
                        }
                    }
                }
            });
        }
        OpenLoop.drain(clients);
        double elapsed = (System.nanoTime() - start) / 1e9;
        Map<String, Long> reasons = new TreeMap<>();
        refused.forEach((reason, count) -> reasons.put(reason, count.sum()));
        return new Phase(requests.sum(), errors.sum(), claimed.sum(), reasons, conflicts.sum(), latency.snapshot(),
                elapsed, CpuMeter.coresBetween(before, cpu.sample(), Runtime.getRuntime().availableProcessors()),
                List.copyOf(samples));
    }

    /** {@value #BATCH} distinct random leads of the hot window, which then moves on; empty when the pool is used up. */
    private List<UUID> nextBatch() {
        long from = cursor.getAndAdd(STEP);
        if (from + WINDOW > leads.size()) {
            return List.of();
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        java.util.Set<Integer> picked = new java.util.LinkedHashSet<>();
        while (picked.size() < BATCH) {
            picked.add(random.nextInt(WINDOW));
        }
        return picked.stream().map(offset -> leads.get((int) from + offset)).toList();
    }

    /** Counts the answer; returns why it is an error, or null. */
    private String record(ScaleApi.Answer answer, ScaleTenant.User member, List<UUID> batch, LongAdder claimed,
                          LongAdder conflicts, Map<String, LongAdder> refused) {
        if (answer.status() == 409 && batch.size() == 1) {
            conflicts.increment();
            return null;
        }
        if (answer.status() != 200) {
            return "HTTP " + answer.status() + ": " + answer.abbreviated();
        }
        JsonNode body = answer.json();
        int accounted = body.path("claimed").size() + body.path("refused").size();
        for (JsonNode id : body.path("claimed")) {
            claimed.increment();
            if (winners.putIfAbsent(UUID.fromString(id.asString()), member.id()) != null) {
                doubleClaims.increment();
            }
        }
        for (JsonNode refusal : body.path("refused")) {
            refused.computeIfAbsent(refusal.path("reason").asString(), reason -> new LongAdder()).increment();
        }
        return accounted == batch.size() ? null
                : "answer accounts for " + accounted + " of " + batch.size() + " leads: " + answer.abbreviated();
    }

    private Check check(long answered) {
        String s = tenant.schema();
        long withOwner = tenant.number("select count(*) from " + s + ".lead where pool_id = ? and owner_id is not null", pool);
        long pending = tenant.number("select count(*) from " + s + ".lead where pool_id = ? and status = 'PENDING'", pool);
        long records = tenant.number("select count(*) from " + s + ".lead_pool_claim where pool_id = ?", pool);
        long distinct = tenant.number("select count(distinct lead_id) from " + s + ".lead_pool_claim where pool_id = ?", pool);
        long history = tenant.number("select count(*) from " + s + ".lead_history h join " + s
                + ".lead l on l.id = h.lead_id where l.pool_id = ? and h.action = 'CLAIM'", pool);
        long notifications = tenant.number("select count(*) from " + s + ".notification where pool_id = ? and kind = 'CLAIMED'",
                pool);
        long mismatches = 0;
        try (Connection connection = tenant.owner(); PreparedStatement owners = connection.prepareStatement(
                "select id, owner_id from " + s + ".lead where pool_id = ? and owner_id is not null")) {
            owners.setObject(1, pool);
            try (ResultSet rows = owners.executeQuery()) {
                while (rows.next()) {
                    if (!rows.getObject(2, UUID.class).equals(winners.get(rows.getObject(1, UUID.class)))) {
                        mismatches++;
                    }
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("checking the owners failed: " + e.getMessage(), e);
        }
        Check check = new Check(answered, doubleClaims.sum(), withOwner, pending, records, distinct, history,
                notifications, mismatches);
        log.info("claims check: {}", check);
        return check;
    }
}
