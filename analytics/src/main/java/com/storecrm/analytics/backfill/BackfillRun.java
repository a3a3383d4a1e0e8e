package com.storecrm.analytics.backfill;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * What one backfill run is about, kept as its job parameters so that a restart continues with the
 * same tenant, the same versions and the same backfill time.
 *
 * @param tenant     the tenant's slug (the {@code tenant} column in ClickHouse)
 * @param schema     the tenant's schema in PostgreSQL
 * @param startLsn   the WAL position at launch: version of every copied row; tombstones get {@code startLsn - 1}
 * @param backfillAt the launch time, written as {@code committed_at} of every row the run writes
 */
public record BackfillRun(String tenant, String schema, long startLsn, Instant backfillAt) {

    static final String TENANT = "tenant";
    static final String SCHEMA = "schema";
    static final String START_LSN = "startLsn";
    static final String BACKFILL_AT = "backfillAt";

    public BackfillRun {
        if (startLsn < 1) {
            throw new IllegalArgumentException("startLsn must be positive");
        }
    }

    long tombstoneVersion() {
        return startLsn - 1;
    }

    /** {@code committed_at} as ClickHouse takes it. */
    String committedAt() {
        return WarehouseTable.Kind.format(OffsetDateTime.ofInstant(backfillAt, ZoneOffset.UTC));
    }

    /** Tenant, start position and time identify a run; the schema follows from the tenant. */
    JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addString(TENANT, tenant)
                .addLong(START_LSN, startLsn)
                .addString(BACKFILL_AT, backfillAt.toString())
                .addString(SCHEMA, schema, false)
                .toJobParameters();
    }

    static BackfillRun of(JobParameters parameters) {
        return new BackfillRun(parameters.getString(TENANT), parameters.getString(SCHEMA), parameters.getLong(START_LSN),
                Instant.parse(parameters.getString(BACKFILL_AT)));
    }

    /** From a step's job parameters as {@code StepContext} exposes them. */
    static BackfillRun of(Map<String, Object> parameters) {
        return new BackfillRun((String) parameters.get(TENANT), (String) parameters.get(SCHEMA),
                ((Number) parameters.get(START_LSN)).longValue(), Instant.parse((String) parameters.get(BACKFILL_AT)));
    }
}
