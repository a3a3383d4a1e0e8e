package com.storecrm.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code BENCH_EXPLAIN=on}: the query plans of the lead list's page and count, as the
 * application role runs them (the scope settings crm's transactions start with, row-level security
 * on), logged with {@code EXPLAIN (ANALYZE, BUFFERS)}. The statements are those Hibernate sends for
 * {@code GET /api/leads?status=...} with the default sort, written out by hand: for a sales rep without
 * subordinates or sharing rules, visibility is "owned by me or my lead's team holds me"
 * ({@code Visibility.readable}); the administrator sees whole stores.
 */
final class LeadListPlans {

    private static final Logger log = LoggerFactory.getLogger(LeadListPlans.class);

    private LeadListPlans() {
    }

    static boolean wanted() {
        return "on".equalsIgnoreCase(System.getenv("BENCH_EXPLAIN"));
    }

    static void log(DataSource app, ScaleTenant tenant, String status, UUID rep, List<UUID> repStores) {
        String s = tenant.schema();
        List<UUID> all = tenant.stores();
        String admin = "l.store_id = any(?::uuid[]) and l.status <> 'DISCARDED' and l.status = '" + status + "'";
        String mine = "l.store_id = any(?::uuid[]) and l.status <> 'DISCARDED' and (l.owner_id in ('" + rep
                + "') or l.id in (select m.id from " + s + ".lead m join " + s + ".lead_team_member t on m.id = t.lead_id"
                + " where t.user_id in ('" + rep + "'))) and l.status <> 'DISCARDED' and l.status = '" + status + "'";
        String page = " order by l.created_at desc, l.id offset 0 rows fetch first 50 rows only";
        explain(app, tenant, all, true, UUID.randomUUID(), "admin page",
                "select l.* from " + s + ".lead l where " + admin + page);
        explain(app, tenant, all, true, UUID.randomUUID(), "admin count",
                "select count(l.id) from " + s + ".lead l where " + admin);
        explain(app, tenant, repStores, false, rep, "rep page", "select l.* from " + s + ".lead l where " + mine + page);
        explain(app, tenant, repStores, false, rep, "rep count", "select count(l.id) from " + s + ".lead l where " + mine);
    }

    private static void explain(DataSource app, ScaleTenant tenant, List<UUID> stores, boolean allStores, UUID user,
                                String what, String sql) {
        try (Connection connection = app.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement scope = connection.prepareStatement(
                    "select set_config('search_path', ?, true), set_config('app.tenant', ?, true),"
                            + " set_config('app.store_ids', ?, true), set_config('app.all_stores', ?, true),"
                            + " set_config('app.user_id', ?, true)")) {
                scope.setString(1, tenant.schema());
                scope.setString(2, tenant.schema());
                scope.setString(3, stores.stream().map(UUID::toString).collect(Collectors.joining(",")));
                scope.setString(4, allStores ? "on" : "off");
                scope.setString(5, user.toString());
                scope.execute();
            }
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement explain = connection.prepareStatement("explain (analyze, buffers) " + sql)) {
                explain.setArray(1, connection.createArrayOf("uuid", stores.toArray()));
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append("\n    ").append(rows.getString(1));
                    }
                }
            }
            connection.rollback();
            log.info("plan of the lead list's {}:{}", what, plan);
        } catch (SQLException e) {
            log.warn("could not explain the {}: {}", what, e.getMessage());
        }
    }
}
