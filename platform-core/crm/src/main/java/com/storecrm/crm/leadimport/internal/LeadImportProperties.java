package com.storecrm.crm.leadimport.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Rows per chunk transaction, runs at a time, when a silent run counts as dead, and the largest file. */
@ConfigurationProperties("crm.lead-import")
public record LeadImportProperties(int chunkSize, int concurrentRuns, Duration orphanedAfter, int maxRows) {
}
