package com.storecrm.analytics.backfill;

import java.util.stream.Collectors;

/**
 * The ClickHouse SQL of backfill and reconciliation, in one place. ClickHouse 18.16 has no query
 * parameters, so values are spliced in as quoted literals. Conditions on columns outside the sorting
 * key (version, deleted) are applied outside the {@code FINAL} subquery so that they see the collapsed
 * row, never an older version of it.
 */
final class WarehouseStatements {

    private WarehouseStatements() {
    }

    /** Rows of the tenant whose current state is visible and older than the run: the ones to tombstone. */
    static String countToTombstone(WarehouseTable table, BackfillRun run) {
        return "SELECT count() FROM (SELECT version, deleted FROM " + qualified(table) + " FINAL WHERE tenant = "
                + quote(run.tenant()) + ") WHERE deleted = 0 AND version < " + run.tombstoneVersion();
    }

    /**
     * Hides every row ClickHouse holds for the tenant behind a tombstone at {@code startLsn - 1}; a
     * row changed by the pipeline after the start keeps its higher version. Re-running it writes the
     * same tombstones, so a restart does no harm.
     */
    static String insertTombstones(WarehouseTable table, BackfillRun run) {
        String columns = table.columnList();
        return "INSERT INTO " + qualified(table) + " (tenant, " + columns + ", version, deleted, committed_at)"
                + " SELECT tenant, " + columns + ", toUInt64(" + run.tombstoneVersion() + "), toUInt8(1), toDateTime("
                + quote(run.committedAt()) + ") FROM (SELECT * FROM " + qualified(table) + " FINAL WHERE tenant = "
                + quote(run.tenant()) + ") WHERE deleted = 0 AND version < " + run.tombstoneVersion();
    }

    /** The tenant's current rows after {@code afterId} in id order, in canonical form. */
    static String currentRows(WarehouseTable table, String tenant, String afterId, int limit) {
        String selected = table.columns().stream().map(WarehouseTable.Column::clickHouseSelect)
                .collect(Collectors.joining(", "));
        String after = afterId == null ? "" : " AND id > " + quote(afterId);
        return "SELECT " + selected + " FROM (SELECT " + table.columnList() + ", deleted FROM " + qualified(table)
                + " FINAL WHERE tenant = " + quote(tenant) + after + ") WHERE deleted = 0 ORDER BY id LIMIT " + limit;
    }

    static String qualified(WarehouseTable table) {
        return "storecrm." + table.name();
    }

    /** A ClickHouse string literal. */
    static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
