package com.storecrm.analytics.backfill;

import java.time.Instant;
import java.util.List;

/**
 * PostgreSQL and ClickHouse compared for one tenant, per table and store. {@code differences} is the
 * number of rows that are missing in ClickHouse, extra in ClickHouse, or different on the two sides;
 * zero means the warehouse holds exactly the operational data.
 */
public record ReconciliationReport(String tenant, Instant checkedAt, long differences, List<TableReport> tables) {

    public ReconciliationReport {
        tables = List.copyOf(tables);
    }

    public record TableReport(String table, long postgresCount, long warehouseCount, long differences,
                              List<StoreReport> stores) {
        public TableReport {
            stores = List.copyOf(stores);
        }
    }

    /**
     * One store of one table. A row that differs is counted in the store PostgreSQL gives it.
     *
     * @param storeName null for a store id the catalog does not know (rows of a deleted or foreign store)
     * @param missing   rows in PostgreSQL that ClickHouse lacks
     * @param extra     rows in ClickHouse that PostgreSQL lacks
     * @param different rows on both sides whose values differ
     */
    public record StoreReport(String storeId, String storeName, long postgresCount, long warehouseCount,
                              Differences missing, Differences extra, Differences different) {

        public long differences() {
            return missing.count() + extra.count() + different.count();
        }
    }

    /** How many rows, and the ids of the first few (in id order). */
    public record Differences(long count, List<String> sampleIds) {
        public Differences {
            sampleIds = List.copyOf(sampleIds);
        }
    }
}
