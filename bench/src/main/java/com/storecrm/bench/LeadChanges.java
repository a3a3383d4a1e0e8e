package com.storecrm.bench;

import com.storecrm.bench.ChangePlan.Change;
import com.storecrm.bench.ChangePlan.Kind;
import com.storecrm.tenancy.catalog.ProvisionedTenant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes leads straight into tenant schemas with JDBC, the way the services do: every transaction
 * first scopes itself to the tenant (row-level security: {@code app.tenant}, all stores), and the
 * application role, which cannot bypass the policies, writes the rows. Each change of the latency
 * benchmark carries its sequence number in {@code company} (zero-padded, so the text order is the
 * number order and ClickHouse's {@code max(company)} is the highest sequence number visible).
 */
final class LeadChanges {

    static final String SOURCE = "BENCH";
    static final String BULK_SOURCE = "BENCH_BULK";

    private static final String SCOPE = "select set_config('app.tenant', ?, true), set_config('app.all_stores', 'on', true)";
    private static final String[] STATUSES = {"CONTACTED", "QUALIFIED", "NEGOTIATING"};

    /** A tenant as the writers see it: its stores and the leads they may update or delete. */
    static final class Tenant {
        private final ProvisionedTenant tenant;
        private final List<UUID> stores;
        private final Deque<UUID> leads = new ArrayDeque<>();

        Tenant(ProvisionedTenant tenant) {
            this.tenant = tenant;
            this.stores = tenant.stores().stream().map(ProvisionedTenant.Store::id).toList();
        }

        String slug() {
            return tenant.slug();
        }

        String schema() {
            return tenant.schema();
        }

        List<UUID> stores() {
            return stores;
        }

        /** Takes a lead out of the pool so no other writer changes it meanwhile; null when there is none. */
        synchronized UUID checkOut() {
            return leads.pollFirst();
        }

        synchronized void checkIn(UUID lead) {
            leads.addLast(lead);
        }

        synchronized int leads() {
            return leads.size();
        }
    }

    private final DataSource app;
    private final List<Tenant> tenants;

    LeadChanges(DataSource app, List<Tenant> tenants) {
        this.app = app;
        this.tenants = List.copyOf(tenants);
    }

    List<Tenant> tenants() {
        return tenants;
    }

    static String seqText(long seq) {
        return String.format(Locale.ROOT, "%012d", seq);
    }

    /** The sequence number in a {@code max(company)} answer; -1 when there is no row yet. */
    static long parseSeq(String text) {
        String value = text == null ? "" : text.trim();
        return value.isEmpty() || value.equals("\\N") ? -1 : Long.parseLong(value);
    }

    /** {@code perTenant} leads in every tenant (sequence number 0), so updates and deletes have rows from the start. */
    void seed(int perTenant) throws SQLException {
        try (Connection connection = app.getConnection()) {
            for (Tenant tenant : tenants) {
                scope(connection, tenant);
                try (PreparedStatement insert = connection.prepareStatement("insert into " + tenant.schema()
                        + ".lead (id, store_id, name, company, source, status, created_at, updated_at)"
                        + " select gen_random_uuid(), (?::uuid[])[1 + (g % ?)::int], 'Seed buyer ' || g, ?, ?, 'NEW', now(), now()"
                        + " from generate_series(1, ?) g returning id")) {
                    insert.setArray(1, connection.createArrayOf("uuid", tenant.stores().toArray()));
                    insert.setInt(2, tenant.stores().size());
                    insert.setString(3, seqText(0));
                    insert.setString(4, SOURCE);
                    insert.setInt(5, perTenant);
                    try (ResultSet ids = insert.executeQuery()) {
                        while (ids.next()) {
                            tenant.checkIn(ids.getObject(1, UUID.class));
                        }
                    }
                }
                connection.commit();
            }
        }
    }

    /**
     * Change {@code seq} as one transaction, due at {@code dueNanos}: its commit is reported to the
     * tracker (sent, returned) and its outcome to {@code stats}, latency from the due time to the
     * commit's return.
     */
    void apply(Change change, long seq, long dueNanos, VisibilityTracker tracker, boolean measured,
               PhaseStats<Kind> stats) {
        Tenant tenant = tenants.get(change.tenant());
        Kind kind = change.kind();
        stats.sendDelay(System.nanoTime() - dueNanos);
        UUID lead = kind == Kind.INSERT ? UUID.randomUUID() : tenant.checkOut();
        if (lead == null) {
            stats.error(kind, "no lead to change", tenant.slug(), System.nanoTime());
            return;
        }
        boolean gone = false;
        try (Connection connection = app.getConnection()) {
            try {
                scope(connection, tenant);
                int rows = switch (kind) {
                    case INSERT -> insert(connection, tenant, change.store(), lead, seq);
                    case UPDATE -> update(connection, tenant, lead, seq);
                    case DELETE -> delete(connection, tenant, lead);
                };
                if (rows != 1) {
                    connection.rollback();
                    stats.error(kind, "changed " + rows + " rows", tenant.slug() + " lead " + lead, System.nanoTime());
                    return;
                }
                tracker.committing(seq, System.nanoTime());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            long done = System.nanoTime();
            tracker.committed(seq, dueNanos, done, measured);
            stats.success(kind, done - dueNanos, done);
            gone = kind == Kind.DELETE;
        } catch (SQLException e) {
            stats.error(kind, "SQL " + e.getSQLState(), tenant.slug() + ": " + e.getMessage(), System.nanoTime());
            gone = kind == Kind.INSERT;
        } finally {
            if (!gone) {
                tenant.checkIn(lead);
            }
        }
    }

    /**
     * Inserts leads {@code first} to {@code first + rows - 1} into one tenant as one multi-row insert
     * (one transaction); they are counted in ClickHouse by their source, {@value #BULK_SOURCE}.
     */
    void bulkInsert(Tenant tenant, long first, int rows) throws SQLException {
        try (Connection connection = app.getConnection()) {
            try {
                scope(connection, tenant);
                try (PreparedStatement insert = connection.prepareStatement("insert into " + tenant.schema()
                        + ".lead (id, store_id, name, phone, source, status, created_at, updated_at)"
                        + " select gen_random_uuid(), (?::uuid[])[1 + (g % ?)::int], 'Bulk buyer ' || g, '+86 137 ' || g, ?,"
                        + " 'NEW', now(), now() from generate_series(?::bigint, ?::bigint) g")) {
                    insert.setArray(1, connection.createArrayOf("uuid", tenant.stores().toArray()));
                    insert.setInt(2, tenant.stores().size());
                    insert.setString(3, BULK_SOURCE);
                    insert.setLong(4, first);
                    insert.setLong(5, first + rows - 1);
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * {@code rows} leads in one tenant, written by the owner role in chunks of {@code chunk} rows
     * (one {@code insert ... select generate_series} each, in the tenant's scope), then vacuumed and
     * analyzed so that autovacuum does not wake up in the middle of the measurement that follows.
     */
    static void create(DataSource owner, ProvisionedTenant tenant, long rows, int chunk) throws SQLException {
        Tenant target = new Tenant(tenant);
        try (Connection connection = owner.getConnection()) {
            connection.setAutoCommit(false);
            for (long first = 1; first <= rows; first += chunk) {
                scope(connection, target);
                try (PreparedStatement insert = connection.prepareStatement("insert into " + tenant.schema()
                        + ".lead (id, store_id, name, company, phone, email, source, status, created_at, updated_at)"
                        + " select gen_random_uuid(), (?::uuid[])[1 + (g % ?)::int], 'Snapshot buyer ' || g,"
                        + " 'Snapshot Co ' || (g % 997), '+86 1' || lpad(g::text, 10, '0'), 'buyer' || g || '@example.com',"
                        + " 'WEBSITE', 'NEW', now() - (g % 10000) * interval '1 minute', now()"
                        + " from generate_series(?::bigint, ?::bigint) g")) {
                    insert.setArray(1, connection.createArrayOf("uuid", target.stores().toArray()));
                    insert.setInt(2, target.stores().size());
                    insert.setLong(3, first);
                    insert.setLong(4, Math.min(rows, first + chunk - 1));
                    insert.executeUpdate();
                }
                connection.commit();
            }
            connection.setAutoCommit(true);
            try (Statement vacuum = connection.createStatement()) {
                vacuum.execute("vacuum analyze " + tenant.schema() + ".lead");
            }
        }
    }

    private static int insert(Connection connection, Tenant tenant, int store, UUID lead, long seq) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + tenant.schema()
                + ".lead (id, store_id, name, company, phone, source, status, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, 'NEW', now(), now())")) {
            insert.setObject(1, lead);
            insert.setObject(2, tenant.stores().get(store % tenant.stores().size()));
            insert.setString(3, "CDC buyer " + seq);
            insert.setString(4, seqText(seq));
            insert.setString(5, "+86 139 " + seq);
            insert.setString(6, SOURCE);
            return insert.executeUpdate();
        }
    }

    private static int update(Connection connection, Tenant tenant, UUID lead, long seq) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update " + tenant.schema()
                + ".lead set status = ?, company = ?, updated_at = now(), version = version + 1 where id = ?")) {
            update.setString(1, STATUSES[(int) (seq % STATUSES.length)]);
            update.setString(2, seqText(seq));
            update.setObject(3, lead);
            return update.executeUpdate();
        }
    }

    private static int delete(Connection connection, Tenant tenant, UUID lead) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from " + tenant.schema() + ".lead where id = ?")) {
            delete.setObject(1, lead);
            return delete.executeUpdate();
        }
    }

    private static void scope(Connection connection, Tenant tenant) throws SQLException {
        try (PreparedStatement scope = connection.prepareStatement(SCOPE)) {
            scope.setString(1, tenant.schema());
            scope.execute();
        }
    }
}
