package com.storecrm.crm.leadimport.internal;

import com.storecrm.tenancy.TenantContext;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each import's status in its tenant in step with its job, and knows which runs this process
 * is executing: after a crash the job repository still says "running", only the process knows.
 */
@Component
class RunningImports implements JobExecutionListener {

    private static final int MAX_FAILURE = 300;

    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final LeadImportRepository imports;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RunningImports(LeadImportRepository imports, PlatformTransactionManager transactions, Clock clock) {
        this.imports = imports;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        running.add(execution.getId());
        update(execution, upload -> upload.running(execution.getId()));
    }

    @Override
    public void afterJob(JobExecution execution) {
        try {
            String why = execution.getAllFailureExceptions().stream().findFirst()
                    .map(e -> e.getClass().getSimpleName() + ": " + e.getMessage()).orElse("stopped");
            update(execution, upload -> upload.finished(execution.getStatus() == BatchStatus.COMPLETED,
                    why.length() > MAX_FAILURE ? why.substring(0, MAX_FAILURE) : why, clock.instant()));
        } finally {
            running.remove(execution.getId());
        }
    }

    boolean isRunningHere(long executionId) {
        return running.contains(executionId);
    }

    private void update(JobExecution execution, java.util.function.Consumer<LeadImport> change) {
        ImportRun run = ImportRun.of(execution.getJobParameters());
        TenantContext.runAs(run.scope(), () -> transaction.executeWithoutResult(status ->
                imports.findById(run.importId()).ifPresent(change)));
    }
}
