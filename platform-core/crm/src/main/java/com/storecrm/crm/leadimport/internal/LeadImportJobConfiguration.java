package com.storecrm.crm.leadimport.internal;

import com.storecrm.crm.lead.LeadIntake;
import com.storecrm.crm.leadimport.LeadImportChunkListener;
import jakarta.persistence.EntityManager;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.batch.autoconfigure.BatchTaskExecutor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import job: one chunked step over the file's rows. Each chunk - its leads, its rows' outcomes
 * and the reader's position in the job repository - commits in one transaction in the tenant's scope,
 * so a run stopped at any point continues after the last committed chunk.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LeadImportProperties.class)
class LeadImportJobConfiguration {

    static final String JOB_NAME = "leadImport";

    @Bean
    Job leadImport(JobRepository repository, PlatformTransactionManager transactionManager, ImportRowReader importRowReader,
                   ImportRowWriter importRowWriter, RunningImports running, LeadImportProperties properties) {
        Step rows = new StepBuilder(JOB_NAME + ".rows", repository)
                .<ImportRow, ImportRow>chunk(properties.chunkSize())
                .transactionManager(new ImportScopedTransactionManager(transactionManager))
                .reader(importRowReader)
                .writer(importRowWriter)
                .build();
        return new JobBuilder(JOB_NAME, repository).listener(running).start(rows).build();
    }

    @Bean
    @StepScope
    ImportRowReader importRowReader(@Value("#{stepExecution}") StepExecution step, LeadImportRepository imports,
                                    LeadImportFileRepository files, PlatformTransactionManager transactionManager,
                                    LeadImportProperties properties) {
        return new ImportRowReader(ImportRun.of(step.getJobParameters()), imports, files,
                new TransactionTemplate(transactionManager), properties.maxRows());
    }

    @Bean
    @StepScope
    ImportRowWriter importRowWriter(@Value("#{stepExecution}") StepExecution step, LeadImportRepository imports,
                                    ImportRowStore rowStore, LeadIntake intake,
                                    ObjectProvider<LeadImportChunkListener> listeners, EntityManager entities) {
        return new ImportRowWriter(ImportRun.of(step.getJobParameters()), imports, rowStore, intake,
                listeners.orderedStream().toList(), entities);
    }

    /** Runs imports off the request thread, a few at a time. */
    @Bean
    @BatchTaskExecutor
    TaskExecutor leadImportTaskExecutor(LeadImportProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("lead-import-");
        executor.setCorePoolSize(properties.concurrentRuns());
        executor.setMaxPoolSize(properties.concurrentRuns());
        executor.setQueueCapacity(1000);
        return executor;
    }
}
