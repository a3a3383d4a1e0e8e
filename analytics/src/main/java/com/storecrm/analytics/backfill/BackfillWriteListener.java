package com.storecrm.analytics.backfill;

import org.springframework.batch.core.listener.ItemWriteListener;

/**
 * Extension point of the backfill's copy steps: every bean of this type is told about each chunk
 * written to ClickHouse (metrics, audits, and tests that interrupt a run at a given chunk). An
 * exception thrown here fails the chunk like a failed write.
 */
public interface BackfillWriteListener extends ItemWriteListener<TableRow> {
}
