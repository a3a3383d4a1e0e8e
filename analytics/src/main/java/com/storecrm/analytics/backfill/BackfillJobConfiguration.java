package com.storecrm.analytics.backfill;

import com.storecrm.warehouse.ClickHouseHttp;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.support.PostgresPagingQueryProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.batch.autoconfigure.BatchTaskExecutor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backfill job: per table, a tombstone step and a chunked copy step. The copy step's reader
 * pages through the tenant's table ordered by id and records the last id of every committed chunk in
 * the job repository, in the chunk's own transaction; a restarted run continues after it. Reader and
 * writer are step-scoped: each run of each step gets its own, bound to the run's tenant and table.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackfillProperties.class)
class BackfillJobConfiguration {

    static final String JOB_NAME = "tenantBackfill";
    private static final String TOMBSTONES = ".tombstones";
    private static final String COPY = ".copy";

    @Bean
    Job tenantBackfill(JobRepository repository, DataSource dataSource, WarehouseTables tables, ClickHouseHttp clickHouse,
                       JdbcPagingItemReader<TableRow> backfillReader, WarehouseRowWriter backfillWriter,
                       ObjectProvider<BackfillWriteListener> writeListeners, RunningBackfills running,
                       BackfillProperties properties) {
        TenantScopedTransactionManager transactions = new TenantScopedTransactionManager(dataSource);
        SimpleJobBuilder job = null;
        for (WarehouseTable table : tables.all()) {
            Step tombstones = new StepBuilder(table.name() + TOMBSTONES, repository)
                    .tasklet(new TombstoneTasklet(clickHouse, table), transactions)
                    .build();
            ChunkOrientedStepBuilder<TableRow, TableRow> copyBuilder = new StepBuilder(table.name() + COPY, repository)
                    .<TableRow, TableRow>chunk(properties.chunkSize())
                    .transactionManager(transactions)
                    .reader(backfillReader)
                    .writer(backfillWriter);
            writeListeners.orderedStream().forEach(copyBuilder::listener);
            Step copy = copyBuilder.build();
            job = job == null ? new JobBuilder(JOB_NAME, repository).listener(running).start(tombstones) : job.next(tombstones);
            job = job.next(copy);
        }
        if (job == null) {
            throw new IllegalStateException("no warehouse tables to backfill");
        }
        return job.build();
    }

    /** Pages through the step's table in the run's tenant schema, by id; every page in a tenant-scoped transaction. */
    @Bean
    @StepScope
    JdbcPagingItemReader<TableRow> backfillReader(@Value("#{stepExecution}") StepExecution step, DataSource dataSource,
                                                  WarehouseTables tables, BackfillProperties properties) {
        WarehouseTable table = tableOf(step, tables);
        BackfillRun run = BackfillRun.of(step.getJobParameters());
        PostgresPagingQueryProvider query = new PostgresPagingQueryProvider();
        query.setSelectClause(table.columnList());
        query.setFromClause(run.schema() + "." + table.name());
        query.setSortKeys(Map.of(WarehouseTable.KEY, Order.ASCENDING));
        JdbcPagingItemReader<TableRow> reader = new JdbcPagingItemReader<>(dataSource, query);
        reader.setName(step.getStepName());
        reader.setPageSize(properties.chunkSize());
        reader.setFetchSize(properties.chunkSize());
        reader.setRowMapper((rs, n) -> table.readPostgres(rs));
        reader.setSaveState(true);
        return reader;
    }

    @Bean
    @StepScope
    WarehouseRowWriter backfillWriter(@Value("#{stepExecution}") StepExecution step, WarehouseTables tables,
                                      ClickHouseHttp clickHouse, JsonMapper json) {
        return new WarehouseRowWriter(clickHouse, json, tableOf(step, tables), BackfillRun.of(step.getJobParameters()));
    }

    /** Runs launched jobs off the request thread, a few at a time. */
    @Bean
    @BatchTaskExecutor
    TaskExecutor backfillTaskExecutor(BackfillProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("backfill-");
        executor.setCorePoolSize(properties.concurrentRuns());
        executor.setMaxPoolSize(properties.concurrentRuns());
        executor.setQueueCapacity(100);
        return executor;
    }

    private static WarehouseTable tableOf(StepExecution step, WarehouseTables tables) {
        String name = step.getStepName();
        return tables.named(name.substring(0, name.indexOf('.')));
    }
}
