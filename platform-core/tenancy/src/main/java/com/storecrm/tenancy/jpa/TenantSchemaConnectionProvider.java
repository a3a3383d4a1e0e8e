package com.storecrm.tenancy.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

/**
 * Hands Hibernate pooled connections for a tenant. The tenant's schema is not set here but as a
 * transaction-local {@code search_path} together with the store scope
 * ({@link StoreScopedTransactionManager}): one round trip instead of three, and outside a scoped
 * transaction a connection stays on the pool's default schema, one that does not exist
 * ({@link TenantSchemaResolver#NO_TENANT}).
 */
class TenantSchemaConnectionProvider implements MultiTenantConnectionProvider<String> {

    private final transient DataSource dataSource;

    TenantSchemaConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getAnyConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void releaseAnyConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public Connection getConnection(String schema) throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void releaseConnection(String schema, Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean handlesConnectionSchema() {
        return true;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return type.cast(this);
    }
}
