package com.storecrm.bench;

import com.storecrm.devstack.PlatformClient;
import com.storecrm.devstack.PlatformDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * One big tenant for the funnel and high-seas benchmarks. Its people and sales processes are made
 * through the public APIs (users and API clients on tenant-admin, processes on crm); its million
 * customers, half a million opportunities and their stage history are far too many for the API and
 * are written with {@code insert ... select generate_series} by the schema owner inside the tenant's
 * row-level-security scope, {@value #CHUNK} rows per transaction, then vacuumed and analysed.
 *
 * <p>Shape: 4 stores, a manager and {@value #REPS_PER_STORE} reps per store. Customers: 5 % in the
 * high seas, 5 % claimed (return visit due between a week ago and a week ahead), the rest owned with
 * the last return visit 0 to {@value #LAST_VISIT_SPREAD_DAYS} days ago, so with the default 30-day
 * rule a bit under half of all customers are overdue. Opportunities, on the first half of the
 * customers and owned by a rep of the customer's store: 70 % in a 5-stage process, 30 % in a
 * 4-stage one; 60 % open (more in the early stages), 15 % won, 18 % lost, 7 % invalid; expected
 * close dates spread over a year either side of today; history entries for creation, every stage
 * left (with its time in stage) and the close.
 */
final class AccountsSeed {

    static final int CHUNK = 100_000;
    static final int REPS_PER_STORE = 10;
    static final int LAST_VISIT_SPREAD_DAYS = 55;

    private static final String OVERDUE = """
            select count(*) from account, (select cast('%s' as timestamptz) as at) sweep
            where (ownership = 'OWNED' and coalesce(last_return_visit_at, owned_since) < sweep.at - interval '30 days')
               or (ownership = 'AWAITING_RETURN_VISIT' and return_visit_due_at < sweep.at)""";

    private static final Logger log = LoggerFactory.getLogger(AccountsSeed.class);

    /** A user of the tenant with an API client acting as them. */
    record Person(UUID id, UUID store, String bearer) {
    }

    record Seeded(BenchTenant tenant, String schema, String adminBearer, List<UUID> processes, Person manager,
                  Person rep, int customers, int opportunities, long history, long overdue, double seconds) {
    }

    private AccountsSeed() {
    }

    static Seeded run(BenchPlatform platform, int customers, int opportunities) {
        long start = System.nanoTime();
        OnboardingBenchmark.Result onboarded = OnboardingBenchmark.run(platform, "accounts", 1);
        if (onboarded.tenants().isEmpty()) {
            throw new IllegalStateException("the bench tenant could not be onboarded: " + onboarded.errorSamples());
        }
        BenchTenant tenant = onboarded.tenants().get(0);
        String admin = PlatformClient.clientCredentialsToken(platform.tenantAdminUrl(), tenant.clientId(),
                tenant.clientSecret());
        List<UUID> stores = tenant.storeIds().stream().map(UUID::fromString).toList();
        List<UUID> reps = new ArrayList<>();
        Person manager = null;
        Person rep = null;
        for (int s = 0; s < stores.size(); s++) {
            UUID storeManager = user(platform, admin, "manager" + s, "STORE_MANAGER", stores.get(s));
            if (s == 0) {
                manager = new Person(storeManager, stores.get(s), bearerOf(platform, admin, storeManager));
            }
            for (int r = 0; r < REPS_PER_STORE; r++) {
                UUID id = user(platform, admin, "rep" + s + "-" + r, "SALES_REP", stores.get(s));
                reps.add(id);
                if (s == 0 && r == 0) {
                    rep = new Person(id, stores.get(s), bearerOf(platform, admin, id));
                }
            }
        }
        List<UUID> processes = List.of(process(platform, admin, "Key accounts", "0.1", "0.25", "0.5", "0.75", "0.9"),
                process(platform, admin, "Retail", "0.2", "0.4", "0.7", "0.9"));
        log.info("bench tenant {}: {} stores, {} reps, 4 managers, {} sales processes", tenant.slug(), stores.size(),
                reps.size(), processes.size());

        PlatformDatabase database = platform.database();
        String schema = schemaOf(database.ownerDataSource(), tenant.slug());
        Instant now = Instant.now();
        Writer writer = new Writer(database.ownerDataSource(), schema, now, stores, reps);
        writer.accounts(customers);
        writer.opportunities(opportunities, processes);
        long history = writer.history();
        writer.vacuum();
        long overdue = writer.query(OVERDUE.formatted(Instant.now()));
        double seconds = (System.nanoTime() - start) / 1e9;
        log.info("seeded {} customers ({} overdue), {} opportunities and {} history entries in {} s", customers,
                overdue, opportunities, history, String.format("%.1f", seconds));
        return new Seeded(tenant, schema, admin, processes, manager, rep, customers, opportunities, history, overdue,
                seconds);
    }

    /** Customers a sweep at {@code at} moves: no return visit in 30 days (the default rule), or a missed deadline. */
    static long overdue(BenchPlatform platform, String schema, Instant at) {
        return count(platform, schema, OVERDUE.formatted(at));
    }

    static long count(BenchPlatform platform, String schema, String sql) {
        return new Writer(platform.database().ownerDataSource(), schema, Instant.now(), List.of(), List.of())
                .query(sql);
    }

    private static UUID user(BenchPlatform platform, String admin, String username, String role, UUID store) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("displayName", username);
        body.put("password", "bench-password");
        body.put("roles", List.of(role));
        body.put("storeIds", List.of(store.toString()));
        JsonNode created = PlatformClient.post(platform.tenantAdminUrl() + "/api/tenant/users", admin, body, 201);
        return UUID.fromString(created.get("id").asString());
    }

    private static String bearerOf(BenchPlatform platform, String admin, UUID user) {
        JsonNode client = PlatformClient.post(platform.tenantAdminUrl() + "/api/tenant/api-clients", admin,
                Map.of("userId", user.toString()), 201);
        return PlatformClient.clientCredentialsToken(platform.tenantAdminUrl(), client.get("clientId").asString(),
                client.get("clientSecret").asString());
    }

    private static UUID process(BenchPlatform platform, String admin, String name, String... probabilities) {
        List<Map<String, Object>> stages = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            stages.add(Map.of("name", name + " stage " + (i + 1), "probability", new BigDecimal(probabilities[i])));
        }
        JsonNode created = PlatformClient.post(platform.crmUrl() + "/api/sales-processes", admin,
                Map.of("name", name, "stages", stages), 201);
        return UUID.fromString(created.get("id").asString());
    }

    private static String schemaOf(DataSource owner, String slug) {
        try (Connection c = owner.getConnection();
             PreparedStatement select = c.prepareStatement("select schema_name from public.tenant where slug = ?")) {
            select.setString(1, slug);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no tenant " + slug + " in the catalog");
                }
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the catalog: " + e.getMessage(), e);
        }
    }

    /** The SQL writer: the schema owner, scoped to the tenant and all its stores like the services' transactions. */
    private static final class Writer {

        private static final String SCOPE = "select set_config('search_path', ?, true), set_config('app.tenant', ?, true),"
                + " set_config('app.all_stores', 'on', true)";

        private final DataSource owner;
        private final String schema;
        private final Timestamp now;
        private final String stores;
        private final String reps;

        Writer(DataSource owner, String schema, Instant now, List<UUID> stores, List<UUID> reps) {
            this.owner = owner;
            this.schema = schema;
            this.now = Timestamp.from(now);
            this.stores = array(stores);
            this.reps = array(reps);
        }

        void accounts(int count) {
            // n-th customer: store n % 4, a rep of that store; 1 in 20 in the high seas, 1 in 20 claimed
            String sql = """
                    insert into account (id, store_id, name, tier, province, city, ownership, owner_id, owned_since,
                        last_return_visit_at, return_visit_due_at, in_high_seas_since, created_at, created_by,
                        updated_at, updated_by)
                    select gen_random_uuid(), s.stores[1 + g % 4], 'Customer ' || g, (array['A', 'B', 'C'])[1 + g % 3],
                        'Zhejiang', 'Hangzhou', o.ownership, o.owner, o.since, o.visit, o.due, o.high_seas,
                        coalesce(o.since, s.now - interval '400 days'), o.owner,
                        coalesce(o.since, s.now - interval '400 days'), o.owner
                    from generate_series(cast(? as int), cast(? as int)) g
                    cross join (select cast(? as uuid[]) as stores, cast(? as uuid[]) as reps, cast(? as timestamptz) as now) s
                    cross join lateral (select
                        case g % 20 when 0 then 'HIGH_SEAS' when 1 then 'AWAITING_RETURN_VISIT' else 'OWNED' end as ownership,
                        case when g % 20 = 0 then null else s.reps[1 + (g % 4) * {reps} + (g / 4) % {reps}] end as owner,
                        case when g % 20 = 0 then null else s.now - interval '1 day' * (60 + g % 400) end as since,
                        case when g % 20 > 1 then s.now - interval '1 second' * (random() * {spread} * 86400) end as visit,
                        case when g % 20 = 1 then s.now + interval '1 second' * ((random() - 0.5) * 14 * 86400) end as due,
                        case when g % 20 = 0 then s.now - interval '1 day' * (g % 90) end as high_seas) o"""
                    .replace("{reps}", String.valueOf(REPS_PER_STORE))
                    .replace("{spread}", String.valueOf(LAST_VISIT_SPREAD_DAYS));
            inChunks("customers", count, sql, (statement, from, to) -> {
                statement.setLong(1, from);
                statement.setLong(2, to);
                statement.setString(3, stores);
                statement.setString(4, reps);
                statement.setTimestamp(5, now);
            });
        }

        void opportunities(int count, List<UUID> processes) {
            // the n-th customer's opportunity; process by n, status and stage position from random draws
            String sql = """
                    insert into opportunity (id, store_id, account_id, name, amount, process_id, stage_id, status,
                        expected_close_date, owner_id, product_line, stage_entered_at, furthest_position, closed_at,
                        created_at, created_by, updated_at, updated_by)
                    select gen_random_uuid(), d.store_id, d.account_id, 'Deal ' || d.n, d.amount, st.process_id, st.id,
                        d.status, d.close_date, d.owner, d.line, d.created + interval '1 day' * d.position,
                        st.position, case when d.status <> 'OPEN' then d.created + interval '1 day' * (d.position + 3) end,
                        d.created, d.owner, d.created, d.owner
                    from (
                        select a.n, a.account_id, a.store_id, a.amount, a.line, a.created, a.close_date, a.status,
                            a.process, a.owner,
                            case when a.status = 'WON' then a.stages
                                 when a.status = 'OPEN' then 1 + floor(a.stages * power(a.r2, 1.5))::int
                                 else 1 + floor(a.stages * a.r2)::int end as position
                        from (
                            select c.n, c.id as account_id, c.store_id,
                                round((1000 + random() * 99000)::numeric, 2) as amount,
                                (array['hardware', 'software', 'services'])[1 + cast(c.n % 3 as int)] as line,
                                p.now - interval '1 day' * (30 + c.n % 300) as created,
                                (p.now - interval '365 days' + interval '1 day' * (c.n % 730))::date as close_date,
                                case when c.r < 0.60 then 'OPEN' when c.r < 0.75 then 'WON'
                                     when c.r < 0.93 then 'LOST' else 'INVALID' end as status,
                                case when c.n % 10 < 7 then p.processes[1] else p.processes[2] end as process,
                                case when c.n % 10 < 7 then 5 else 4 end as stages,
                                least(random(), 0.9999) as r2,
                                p.reps[1 + (array_position(p.stores, c.store_id) - 1) * {reps} + cast(c.n % {reps} as int)] as owner
                            from (select a.id, a.store_id, random() as r,
                                         row_number() over (order by a.created_at, a.id) as n
                                  from account a order by a.created_at, a.id offset ? limit ?) c
                            cross join (select cast(? as uuid[]) as processes, cast(? as uuid[]) as stores,
                                               cast(? as uuid[]) as reps, cast(? as timestamptz) as now) p
                        ) a
                    ) d
                    join sales_stage st on st.process_id = d.process and st.position = d.position"""
                    .replace("{reps}", String.valueOf(REPS_PER_STORE));
            String processArray = array(processes);
            inChunks("opportunities", count, sql, (statement, from, to) -> {
                statement.setLong(1, from - 1);
                statement.setLong(2, to - from + 1);
                statement.setString(3, processArray);
                statement.setString(4, stores);
                statement.setString(5, reps);
                statement.setTimestamp(6, now);
            });
        }

        /** Creation, one advance per stage left and the close, as the lifecycle journals them. */
        long history() {
            long written = 0;
            written += update("history: creations", """
                    insert into opportunity_history (id, store_id, opportunity_id, action, from_stage, to_stage,
                        from_status, to_status, seconds_in_stage, actor_id, at)
                    select gen_random_uuid(), o.store_id, o.id, 'CREATE', null, first.id, null, 'OPEN', null,
                        o.owner_id, o.created_at
                    from opportunity o join sales_stage first on first.process_id = o.process_id and first.position = 1""");
            written += update("history: advances", """
                    insert into opportunity_history (id, store_id, opportunity_id, action, from_stage, to_stage,
                        from_status, to_status, seconds_in_stage, actor_id, at)
                    select gen_random_uuid(), o.store_id, o.id, 'ADVANCE', s.id, nxt.id, 'OPEN', 'OPEN',
                        (3600 + random() * 20 * 86400)::bigint, o.owner_id, o.created_at + interval '1 day' * s.position
                    from opportunity o
                    join sales_stage s on s.process_id = o.process_id and s.position < o.furthest_position
                    join sales_stage nxt on nxt.process_id = o.process_id and nxt.position = s.position + 1""");
            written += update("history: closes", """
                    insert into opportunity_history (id, store_id, opportunity_id, action, from_stage, to_stage,
                        from_status, to_status, seconds_in_stage, actor_id, at)
                    select gen_random_uuid(), o.store_id, o.id,
                        case o.status when 'WON' then 'WIN' when 'LOST' then 'LOSE' else 'INVALIDATE' end,
                        o.stage_id, o.stage_id, 'OPEN', o.status, (3600 + random() * 20 * 86400)::bigint, o.owner_id,
                        o.closed_at
                    from opportunity o where o.status <> 'OPEN'""");
            return written;
        }

        void vacuum() {
            long start = System.nanoTime();
            try (Connection c = owner.getConnection(); Statement statement = c.createStatement()) {
                c.setAutoCommit(true);
                for (String table : List.of("account", "opportunity", "opportunity_history", "opportunity_funnel_month",
                        "opportunity_funnel_day", "opportunity_stay_month", "opportunity_stay_day")) {
                    statement.execute("vacuum analyze " + schema + "." + table);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("vacuum failed: " + e.getMessage(), e);
            }
            log.info("vacuum analyze: {} s", String.format("%.1f", (System.nanoTime() - start) / 1e9));
        }

        private long update(String what, String sql) {
            long start = System.nanoTime();
            long rows;
            try (Connection c = scoped(); Statement statement = c.createStatement()) {
                rows = statement.executeUpdate(sql);
                c.commit();
            } catch (SQLException e) {
                throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
            }
            log.info("{}: {} rows in {} s", what, rows, String.format("%.1f", (System.nanoTime() - start) / 1e9));
            return rows;
        }

        long query(String sql) {
            try (Connection c = scoped(); Statement statement = c.createStatement();
                 ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                long value = rs.getLong(1);
                c.commit();
                return value;
            } catch (SQLException e) {
                throw new IllegalStateException("query failed: " + e.getMessage(), e);
            }
        }

        private interface Binder {
            void bind(PreparedStatement statement, long from, long to) throws SQLException;
        }

        private void inChunks(String what, int count, String sql, Binder binder) {
            long start = System.nanoTime();
            for (long from = 1; from <= count; from += CHUNK) {
                long to = Math.min(count, from + CHUNK - 1);
                try (Connection c = scoped(); PreparedStatement statement = c.prepareStatement(sql)) {
                    binder.bind(statement, from, to);
                    int rows = statement.executeUpdate();
                    c.commit();
                    if (rows != to - from + 1) {
                        throw new IllegalStateException(what + ": wrote " + rows + " rows for " + from + ".." + to);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
                }
                log.info("{}: {}/{} ({} s)", what, to, count, String.format("%.1f", (System.nanoTime() - start) / 1e9));
            }
        }

        private Connection scoped() throws SQLException {
            Connection c = owner.getConnection();
            c.setAutoCommit(false);
            try (PreparedStatement scope = c.prepareStatement(SCOPE)) {
                scope.setString(1, schema);
                scope.setString(2, schema);
                scope.execute();
            }
            return c;
        }

        private static String array(List<UUID> ids) {
            StringBuilder text = new StringBuilder("{");
            for (UUID id : ids) {
                text.append(text.length() == 1 ? "" : ",").append(id);
            }
            return text.append('}').toString();
        }
    }
}
