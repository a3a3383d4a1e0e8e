package com.storecrm.ingestion;

import com.storecrm.tenancy.catalog.ProvisionedTenant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes and reads one tenant's leads in PostgreSQL with plain JDBC as the owner role. Row-level
 * security is forced even for the owner, so every transaction first scopes itself to the tenant's
 * schema and all of its stores, as the services do.
 */
final class TenantLeads {

    /** The lead columns both sides compare, in ClickHouse's TabSeparated text forms. */
    static final String CLICKHOUSE_COLUMNS = "id, store_id, name, company, phone, email, source, campaign_id, pool_id,"
            + " status, owner_id, created_at, created_by, updated_at, updated_by";

    private static final String POSTGRES_ROW = """
            select concat_ws(E'\\t', id::text, store_id::text, name, coalesce(company, '\\N'), coalesce(phone, '\\N'),
                   coalesce(email, '\\N'), coalesce(source, '\\N'), coalesce(campaign_id::text, '\\N'),
                   coalesce(pool_id::text, '\\N'), status, coalesce(owner_id::text, '\\N'),
                   to_char(created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS'), coalesce(created_by::text, '\\N'),
                   to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS'), coalesce(updated_by::text, '\\N'))
            from %s.lead""";

    private final DataSource owner;
    private final ProvisionedTenant tenant;

    TenantLeads(DataSource owner, ProvisionedTenant tenant) {
        this.owner = owner;
        this.tenant = tenant;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    /** One transaction scoped to the tenant (app.tenant = its schema, all stores). */
    <T> T inTransaction(Work<T> work) {
        try (Connection connection = owner.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement scope = connection.prepareStatement(
                    "select set_config('app.tenant', ?, true), set_config('app.all_stores', 'on', true)")) {
                scope.setString(1, tenant.schema());
                scope.execute();
                T result = work.run(new Tx(connection, tenant.schema()));
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    UUID insert(UUID store, String name, String status) {
        return inTransaction(tx -> tx.insert(store, name, status));
    }

    /** Every lead, one TabSeparated line each, as ClickHouse would print it. */
    List<String> rows() {
        return inTransaction(tx -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement query = tx.connection.prepareStatement(POSTGRES_ROW.formatted(tenant.schema()));
                 ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        });
    }

    List<UUID> stores() {
        return tenant.stores().stream().map(ProvisionedTenant.Store::id).toList();
    }

    ProvisionedTenant tenant() {
        return tenant;
    }

    static final class Tx {
        private final Connection connection;
        private final String schema;

        Tx(Connection connection, String schema) {
            this.connection = connection;
            this.schema = schema;
        }

        UUID insert(UUID store, String name, String status) throws SQLException {
            UUID id = UUID.randomUUID();
            Instant now = Instant.now();
            try (PreparedStatement insert = connection.prepareStatement("insert into " + schema + ".lead"
                    + " (id, store_id, name, company, phone, email, source, campaign_id, status, owner_id, created_at,"
                    + " created_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, id);
                insert.setObject(2, store);
                insert.setString(3, name);
                insert.setString(4, name.hashCode() % 2 == 0 ? "Acme 有限公司" : null);
                insert.setString(5, "+86 138 " + Math.abs(name.hashCode() % 10_000_000));
                insert.setString(6, null);
                insert.setString(7, "TMALL");
                insert.setObject(8, name.hashCode() % 3 == 0 ? UUID.randomUUID() : null);
                insert.setString(9, status);
                insert.setObject(10, null);
                insert.setTimestamp(11, Timestamp.from(now.minusSeconds(3600)));
                insert.setObject(12, UUID.randomUUID());
                insert.setTimestamp(13, Timestamp.from(now));
                insert.executeUpdate();
            }
            return id;
        }

        void update(UUID id, String status, String email) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement("update " + schema + ".lead set status = ?,"
                    + " email = ?, owner_id = ?, updated_at = now(), updated_by = ?, version = version + 1 where id = ?")) {
                update.setString(1, status);
                update.setString(2, email);
                update.setObject(3, UUID.randomUUID());
                update.setObject(4, UUID.randomUUID());
                update.setObject(5, id);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("no lead " + id);
                }
            }
        }

        void moveToStore(UUID id, UUID store) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement("update " + schema + ".lead set store_id = ?,"
                    + " updated_at = now() where id = ?")) {
                update.setObject(1, store);
                update.setObject(2, id);
                update.executeUpdate();
            }
        }

        void delete(UUID id) throws SQLException {
            try (PreparedStatement delete = connection.prepareStatement("delete from " + schema + ".lead where id = ?")) {
                delete.setObject(1, id);
                if (delete.executeUpdate() != 1) {
                    throw new IllegalStateException("no lead " + id);
                }
            }
        }
    }
}
