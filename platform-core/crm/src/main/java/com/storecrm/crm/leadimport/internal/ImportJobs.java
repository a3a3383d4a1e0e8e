package com.storecrm.crm.leadimport.internal;

import com.storecrm.tenancy.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts and restarts import runs. A run the job repository records as running that no process has
 * advanced for {@code crm.lead-import.orphaned-after} belongs to a process that died: it is marked
 * failed and restarted where it stopped, at start and then every minute, by whichever instance looks
 * first (the job repository refuses a second restart of the same execution).
 */
@Component
public class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final RunningImports running;
    private final LeadImportProperties properties;
    private final Clock clock;

    ImportJobs(JobOperator operator, JobRepository repository, Job leadImport, RunningImports running,
               LeadImportProperties properties, Clock clock) {
        this.operator = operator;
        this.repository = repository;
        this.job = leadImport;
        this.running = running;
        this.properties = properties;
        this.clock = clock;
    }

    public long start(ImportRun run) {
        try {
            return operator.start(job, run.toJobParameters()).getId();
        } catch (JobExecutionAlreadyRunningException | JobInstanceAlreadyCompleteException | JobRestartException
                 | InvalidJobParametersException e) {
            throw new IllegalStateException("cannot launch import " + run.importId(), e);
        }
    }

    /** Continues a failed or dead run after its last committed chunk; 409 while it is alive or once it completed. */
    public synchronized long restart(long executionId) {
        JobExecution previous = find(executionId).orElseThrow(() -> ApiProblem.conflict("the import has no run to restart"));
        if (previous.getStatus() == BatchStatus.COMPLETED) {
            throw ApiProblem.conflict("the import completed");
        }
        if (previous.isRunning()) {
            if (running.isRunningHere(executionId) || !orphaned(previous)) {
                throw ApiProblem.conflict("the import is still running");
            }
            previous = operator.recover(previous);
        }
        try {
            return operator.restart(previous).getId();
        } catch (JobRestartException e) {
            throw ApiProblem.conflict("the import cannot be restarted: " + e.getMessage());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        restartOrphans();
    }

    @Scheduled(fixedDelayString = "${crm.lead-import.orphan-check-interval:PT1M}", initialDelayString = "PT1M")
    void onSchedule() {
        restartOrphans();
    }

    /** Restarts every run of a dead process; returns the new executions' ids. */
    public List<Long> restartOrphans() {
        return repository.findRunningJobExecutions(LeadImportJobConfiguration.JOB_NAME).stream()
                .filter(execution -> !running.isRunningHere(execution.getId()) && orphaned(execution))
                .sorted(Comparator.comparing(JobExecution::getId))
                .flatMap(execution -> {
                    try {
                        return java.util.stream.Stream.of(restart(execution.getId()));
                    } catch (RuntimeException e) {
                        log.warn("could not restart the orphaned import run {}", execution.getId(), e);
                        return java.util.stream.Stream.empty();
                    }
                }).toList();
    }

    public Optional<JobExecution> find(long executionId) {
        try {
            return Optional.ofNullable(repository.getJobExecution(executionId))
                    .filter(e -> LeadImportJobConfiguration.JOB_NAME.equals(e.getJobInstance().getJobName()));
        } catch (EmptyResultDataAccessException e) {
            return Optional.empty();
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

    /** The job repository keeps local times of this JVM's zone. */
    private static Instant instant(LocalDateTime time) {
        return time.atZone(ZoneId.systemDefault()).toInstant();
    }
}
