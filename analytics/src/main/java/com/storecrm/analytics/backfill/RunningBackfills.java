package com.storecrm.analytics.backfill;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The backfill executions this instance is running right now. The job repository also knows which
 * executions are recorded as running, but after a crash it still says so; only the process that runs
 * an execution knows it is alive.
 */
@Component
class RunningBackfills implements JobExecutionListener {

    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeJob(JobExecution execution) {
        running.add(execution.getId());
    }

    @Override
    public void afterJob(JobExecution execution) {
        running.remove(execution.getId());
    }

    boolean isRunningHere(long executionId) {
        return running.contains(executionId);
    }
}
