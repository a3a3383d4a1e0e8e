package com.storecrm.analytics.backfill;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param chunkSize        rows read from PostgreSQL and written to ClickHouse per chunk (one transaction, one insert)
 * @param concurrentRuns   backfills of different tenants that run at once; more wait in line
 * @param orphanedAfter    a run recorded as running whose last progress is older than this, and that this
 *                         instance is not running, is taken for the remains of a crashed process and may be restarted
 * @param reconcilePage    rows fetched per page from each side while reconciling
 */
@ConfigurationProperties("platform.backfill")
public record BackfillProperties(@DefaultValue("1000") int chunkSize, @DefaultValue("2") int concurrentRuns,
                                 @DefaultValue("5m") Duration orphanedAfter, @DefaultValue("5000") int reconcilePage) {
}
