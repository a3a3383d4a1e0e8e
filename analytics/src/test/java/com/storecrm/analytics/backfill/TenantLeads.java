package com.storecrm.analytics.backfill;

import com.storecrm.devstack.PlatformDatabase;
import com.storecrm.tenancy.catalog.ProvisionedTenant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes leads of a tenant straight into PostgreSQL as the owner role, inside a transaction scoped
 * to the tenant and all its stores (row-level security applies to the owner too). Values vary over
 * stores, nulls, awkward text and sub-second timestamps.
 */
final class TenantLeads {

    private static final String[] STATUSES = {"PENDING", "IN_PROGRESS", "WON", "LOST"};

    private final PlatformDatabase database;

    TenantLeads(PlatformDatabase database) {
        this.database = database;
    }

    /** Inserts {@code count} leads spread over the tenant's stores; returns their ids in insertion order. */
    List<Lead> insert(ProvisionedTenant tenant, int count) {
        List<Lead> leads = new ArrayList<>();
        Instant base = Instant.parse("2026-03-01T08:15:30.123456Z");
        inTenant(tenant, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into " + tenant.schema() + ".lead"
                    + " (id, store_id, name, company, phone, email, source, campaign_id, pool_id, status, owner_id,"
                    + " created_at, created_by, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    UUID id = UUID.randomUUID();
                    UUID store = tenant.stores().get(i % tenant.stores().size()).id();
                    Instant created = base.plus(i * 7919L, ChronoUnit.MILLIS);
                    insert.setObject(1, id);
                    insert.setObject(2, store);
                    insert.setString(3, i % 5 == 0 ? "Zhang \"San\"\t#" + i + "\nline 2 \\ 张三 'q'" : "Lead " + i);
                    insert.setString(4, i % 3 == 0 ? null : i % 3 == 1 ? "" : "Company " + i);
                    insert.setString(5, i % 2 == 0 ? "+86 138 0000 " + i : null);
                    insert.setString(6, "lead" + i + "@example.com");
                    insert.setString(7, i % 4 == 0 ? null : "TMALL");
                    insert.setObject(8, i % 2 == 0 ? UUID.randomUUID() : null);
                    insert.setObject(9, null);
                    insert.setString(10, STATUSES[i % STATUSES.length]);
                    insert.setObject(11, i % 3 == 0 ? null : UUID.randomUUID());
                    insert.setTimestamp(12, Timestamp.from(created));
                    insert.setObject(13, UUID.randomUUID());
                    insert.setTimestamp(14, Timestamp.from(created.plusMillis(999)));
                    insert.setObject(15, null);
                    insert.addBatch();
                    leads.add(new Lead(id.toString(), store.toString()));
                }
                insert.executeBatch();
            }
        });
        return leads;
    }

    void delete(ProvisionedTenant tenant, String id) {
        inTenant(tenant, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from " + tenant.schema() + ".lead where id = ?")) {
                delete.setObject(1, UUID.fromString(id));
                if (delete.executeUpdate() != 1) {
                    throw new IllegalStateException("no lead " + id);
                }
            }
        });
    }

    private void inTenant(ProvisionedTenant tenant, Work work) {
        try (Connection connection = database.ownerDataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement scope = connection.prepareStatement(
                    "select set_config('app.tenant', ?, true), set_config('app.all_stores', 'on', true)")) {
                scope.setString(1, tenant.schema());
                scope.execute();
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    record Lead(String id, String storeId) {
    }

    @FunctionalInterface
    private interface Work {
        void run(Connection connection) throws SQLException;
    }
}
