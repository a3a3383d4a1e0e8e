package com.storecrm.analytics.backfill;

import com.storecrm.tenancy.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Service;

/**
 * Starts, restarts and reports tenant backfills. One run per tenant at a time: a second start while
 * one runs is refused, and so is a restart of a run that is still alive. A run the repository records
 * as running but that no instance has advanced for {@code platform.backfill.orphaned-after} is the
 * remains of a crashed process: it is marked failed and restarted where it stopped.
 */
@Service
public class Backfills {

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final OperatorTenants tenants;
    private final WalPosition wal;
    private final RunningBackfills running;
    private final BackfillProperties properties;
    private final Clock clock;

    Backfills(JobOperator operator, JobRepository repository, Job tenantBackfill, OperatorTenants tenants, WalPosition wal,
              RunningBackfills running, BackfillProperties properties) {
        this.operator = operator;
        this.repository = repository;
        this.job = tenantBackfill;
        this.tenants = tenants;
        this.wal = wal;
        this.running = running;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** Launches a backfill of the tenant; it runs in the background. */
    public synchronized BackfillStatus start(String slug) {
        OperatedTenant tenant = tenants.require(slug);
        refuseIfRunning(slug);
        BackfillRun run = new BackfillRun(tenant.slug(), tenant.schema(), wal.current(),
                clock.instant().truncatedTo(ChronoUnit.SECONDS));
        try {
            return describe(operator.start(job, run.toJobParameters()));
        } catch (JobExecutionAlreadyRunningException | JobInstanceAlreadyCompleteException e) {
            throw ApiProblem.conflict("a backfill of tenant " + slug + " with these parameters exists already");
        } catch (JobRestartException | InvalidJobParametersException e) {
            throw new IllegalStateException("cannot launch the backfill of " + slug, e);
        }
    }

    /** Continues a failed, stopped or crashed run after its last committed chunk, with its original versions. */
    public synchronized BackfillStatus restart(long executionId) {
        JobExecution previous = find(executionId);
        String slug = previous.getJobParameters().getString(BackfillRun.TENANT);
        if (previous.getStatus() == BatchStatus.COMPLETED) {
            throw ApiProblem.conflict("backfill " + executionId + " completed; start a new one instead");
        }
        if (previous.isRunning()) {
            if (running.isRunningHere(executionId) || !orphaned(previous)) {
                throw ApiProblem.conflict("backfill " + executionId + " is still running");
            }
            previous = operator.recover(previous);
        }
        refuseIfRunning(slug);
        try {
            return describe(operator.restart(previous));
        } catch (JobRestartException e) {
            throw ApiProblem.conflict("backfill " + executionId + " cannot be restarted: " + e.getMessage());
        }
    }

    public BackfillStatus status(long executionId) {
        return describe(find(executionId));
    }

    private JobExecution find(long executionId) {
        JobExecution execution;
        try {
            execution = repository.getJobExecution(executionId);
        } catch (EmptyResultDataAccessException e) {
            execution = null;
        }
        if (execution == null || !BackfillJobConfiguration.JOB_NAME.equals(execution.getJobInstance().getJobName())) {
            throw ApiProblem.notFound("backfill " + executionId);
        }
        return execution;
    }

    private void refuseIfRunning(String slug) {
        Optional<JobExecution> current = repository.findRunningJobExecutions(BackfillJobConfiguration.JOB_NAME).stream()
                .filter(e -> slug.equals(e.getJobParameters().getString(BackfillRun.TENANT)))
                .findFirst();
        if (current.isPresent()) {
            throw ApiProblem.conflict("backfill " + current.get().getId() + " of tenant " + slug + " is running");
        }
    }

    /** Recorded as running, but nothing advanced it for a while: its process is gone. */
    private boolean orphaned(JobExecution execution) {
        LocalDateTime lastProgress = execution.getStepExecutions().stream()
                .map(StepExecution::getLastUpdated).filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(Optional.ofNullable(execution.getLastUpdated()).orElse(execution.getCreateTime()));
        return instant(lastProgress).plus(properties.orphanedAfter()).isBefore(clock.instant());
    }

    private static BackfillStatus describe(JobExecution execution) {
        List<BackfillStatus.StepStatus> steps = execution.getStepExecutions().stream()
                .sorted(Comparator.comparingLong(StepExecution::getId))
                .map(s -> new BackfillStatus.StepStatus(s.getStepName(), s.getStatus().name(), s.getReadCount(),
                        s.getWriteCount(), s.getCommitCount()))
                .toList();
        return new BackfillStatus(execution.getId(), execution.getJobParameters().getString(BackfillRun.TENANT),
                execution.getJobParameters().getLong(BackfillRun.START_LSN), execution.getStatus().name(),
                execution.getExitStatus().getExitCode(),
                steps.stream().mapToLong(BackfillStatus.StepStatus::readCount).sum(),
                steps.stream().mapToLong(BackfillStatus.StepStatus::writeCount).sum(),
                instant(execution.getCreateTime()), instant(execution.getStartTime()), instant(execution.getEndTime()), steps);
    }

    /** The job repository keeps local times of this JVM's zone (UTC in every deployment). */
    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
    }
}
