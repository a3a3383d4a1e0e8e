package com.storecrm.analytics.backfill;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * The transaction manager of the backfill's chunks: each chunk transaction starts scoped to the
 * tenant of the running step (its job parameters), all stores, so the reader sees that tenant's rows
 * and only them. Outside a backfill step it behaves like a plain JDBC transaction manager.
 */
class TenantScopedTransactionManager extends JdbcTransactionManager {

    TenantScopedTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        StepContext step = StepSynchronizationManager.getContext();
        if (step != null && step.getJobParameters().get(BackfillRun.SCHEMA) instanceof String schema) {
            AllStoresScope.apply(connection, schema);
        }
    }
}
