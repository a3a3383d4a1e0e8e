package com.storecrm.tenancy.jpa;

import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import jakarta.persistence.EntityManagerFactory;
import java.sql.PreparedStatement;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts every JPA transaction with the caller's tenant schema (search_path) and stores as
 * transaction-local settings, which the row-level-security policies of every tenant table check.
 * They vanish at commit or rollback, so nothing carries over to the next user of the pooled
 * connection, and a statement outside a scoped transaction finds no tenant table at all.
 */
class StoreScopedTransactionManager extends JpaTransactionManager {

    StoreScopedTransactionManager(EntityManagerFactory emf) {
        super(emf);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        super.doBegin(transaction, definition);
        TenantContext.current().ifPresent(this::applyScope);
    }

    private void applyScope(TenantScope scope) {
        EntityManagerHolder holder = (EntityManagerHolder) TransactionSynchronizationManager
                .getResource(obtainEntityManagerFactory());
        String stores = scope.storeIds().stream().map(Object::toString).collect(Collectors.joining(","));
        holder.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select set_config('search_path', ?, true), set_config('app.tenant', ?, true),"
                            + " set_config('app.store_ids', ?, true), set_config('app.all_stores', ?, true),"
                            + " set_config('app.user_id', ?, true)")) {
                statement.setString(1, scope.schema());
                statement.setString(2, scope.schema());
                statement.setString(3, stores);
                statement.setString(4, scope.allStores() ? "on" : "off");
                statement.setString(5, scope.userId().toString());
                statement.execute();
            }
        });
    }
}
