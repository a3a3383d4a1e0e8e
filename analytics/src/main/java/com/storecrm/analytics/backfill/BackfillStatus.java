package com.storecrm.analytics.backfill;

import java.time.Instant;
import java.util.List;

/**
 * A backfill run as the operator sees it.
 *
 * @param readCount  rows read from PostgreSQL by this execution (a restart counts only what it read)
 * @param writeCount rows this execution wrote to ClickHouse, tombstones included
 */
public record BackfillStatus(long executionId, String tenant, long startLsn, String status, String exitCode,
                             long readCount, long writeCount, Instant createdAt, Instant startedAt, Instant endedAt,
                             List<StepStatus> steps) {

    public BackfillStatus {
        steps = List.copyOf(steps);
    }

    public record StepStatus(String name, String status, long readCount, long writeCount, long commitCount) {
    }
}
