package com.storecrm.analytics.backfill;

import com.storecrm.warehouse.ClickHouseHttp;
import java.util.List;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * First step per table: hides everything ClickHouse holds for the tenant behind tombstones at
 * {@code startLsn - 1}, in one statement ClickHouse runs on its side. The count it reports is the
 * step's write count.
 */
class TombstoneTasklet implements Tasklet {

    private final ClickHouseHttp clickHouse;
    private final WarehouseTable table;

    TombstoneTasklet(ClickHouseHttp clickHouse, WarehouseTable table) {
        this.clickHouse = clickHouse;
        this.table = table;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        BackfillRun run = BackfillRun.of(context.getStepContext().getJobParameters());
        List<String> count = clickHouse.query(WarehouseStatements.countToTombstone(table, run));
        clickHouse.execute(WarehouseStatements.insertTombstones(table, run));
        contribution.incrementWriteCount(count.isEmpty() ? 0 : Long.parseLong(count.get(0).trim()));
        return RepeatStatus.FINISHED;
    }
}
