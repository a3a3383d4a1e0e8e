package com.storecrm.crm.leadimport.internal;

import com.storecrm.tenancy.TenantContext;
import java.util.Optional;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/**
 * The transaction manager of an import's chunks: every chunk transaction begins in the run's tenant
 * scope (schema, store, user), which the service's store-scoped transaction manager turns into the
 * settings the row-level security policies check. Outside an import step it adds nothing.
 */
class ImportScopedTransactionManager implements PlatformTransactionManager {

    private final PlatformTransactionManager delegate;

    ImportScopedTransactionManager(PlatformTransactionManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public TransactionStatus getTransaction(TransactionDefinition definition) {
        Optional<ImportRun> run = ImportRun.ofCurrentStep();
        return run.isEmpty() ? delegate.getTransaction(definition)
                : TenantContext.callAs(run.get().scope(), () -> delegate.getTransaction(definition));
    }

    @Override
    public void commit(TransactionStatus status) {
        delegate.commit(status);
    }

    @Override
    public void rollback(TransactionStatus status) {
        delegate.rollback(status);
    }
}
