package com.storecrm.ingestion;

import com.storecrm.warehouse.ClickHouseHttp;
import com.storecrm.warehouse.ClickHouseSchema;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's view of ClickHouse: which tables exist in {@code storecrm} (so changes of tables the
 * warehouse does not model are skipped, logged once per table) and inserts retried with
 * exponential backoff until a time budget runs out.
 */
class Warehouse {

    private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);
    private static final long REFRESH_EVERY_MS = 10_000;
    /** "Code: 60, e.displayText() = ..." on 18.16, "Code: 60. DB::Exception: ... (UNKNOWN_TABLE)" today. */
    private static final java.util.regex.Pattern UNKNOWN_TABLE = java.util.regex.Pattern.compile("Code: 60\\D|UNKNOWN_TABLE");

    private final ClickHouseHttp clickHouse;
    private final Duration retryBudget;
    private final Set<String> reportedUnknown = new HashSet<>();
    private Set<String> tables;
    private long refreshedAt;

    Warehouse(CdcSettings settings) {
        this(new ClickHouseHttp(settings.clickHouseUrl(), settings.clickHouseUser(), settings.clickHousePassword()),
                settings.clickHouseRetryTimeout());
    }

    Warehouse(ClickHouseHttp clickHouse, Duration retryBudget) {
        this.clickHouse = clickHouse;
        this.retryBudget = retryBudget;
    }

    /**
     * Whether {@code storecrm.<table>} exists. Looked up again at most every 10 s for a table not
     * seen yet (a newer warehouse schema may add it); while ClickHouse cannot be asked, every table
     * counts as known and the insert's retries deal with the outage.
     */
    boolean knows(String table) {
        if (tables != null && tables.contains(table)) {
            return true;
        }
        long now = System.currentTimeMillis();
        if (tables == null || now - refreshedAt >= REFRESH_EVERY_MS) {
            refreshedAt = now;
            try {
                tables = new HashSet<>(clickHouse.query("SELECT name FROM system.tables WHERE database = '"
                        + ClickHouseSchema.DATABASE + "'"));
            } catch (RuntimeException unreachable) {
                LOG.debug("cannot list ClickHouse tables: {}", unreachable.getMessage());
                return true;
            }
            if (tables.contains(table)) {
                if (reportedUnknown.remove(table)) {
                    LOG.info("ClickHouse table {}.{} exists now: writing its changes", ClickHouseSchema.DATABASE, table);
                }
                return true;
            }
        }
        if (reportedUnknown.add(table)) {
            LOG.warn("ClickHouse has no table {}.{}: skipping changes of tenant table '{}' (logged once)",
                    ClickHouseSchema.DATABASE, table, table);
        }
        return false;
    }

    /** Marks a table as missing after ClickHouse refused an insert with UNKNOWN_TABLE. */
    void forget(String table) {
        if (tables != null) {
            tables.remove(table);
        }
        refreshedAt = System.currentTimeMillis();
        if (reportedUnknown.add(table)) {
            LOG.warn("ClickHouse has no table {}.{} (any more): skipping its changes (logged once)", ClickHouseSchema.DATABASE, table);
        }
    }

    /**
     * Inserts JSONEachRow rows, retrying with backoff from 100 ms doubling to 2 s while the budget
     * lasts. Returns false when the table does not exist; throws once the budget is spent.
     */
    boolean insert(String table, List<String> rows, Runnable onFailure) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + retryBudget.toNanos();
        long backoffMs = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                clickHouse.insertJsonEachRow(ClickHouseSchema.DATABASE + "." + table, rows);
                if (attempt > 1) {
                    LOG.info("ClickHouse insert into {} succeeded on attempt {}", table, attempt);
                }
                return true;
            } catch (ClickHouseHttp.ClickHouseException e) {
                if (UNKNOWN_TABLE.matcher(e.getMessage()).find()) {
                    forget(table);
                    return false;
                }
                onFailure.run();
                backoffMs = waitOrGiveUp(table, attempt, e, deadline, backoffMs);
            } catch (RuntimeException e) {
                onFailure.run();
                backoffMs = waitOrGiveUp(table, attempt, e, deadline, backoffMs);
            }
        }
    }

    private long waitOrGiveUp(String table, int attempt, RuntimeException error, long deadline, long backoffMs)
            throws IOException, InterruptedException {
        if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMs) > deadline) {
            throw new IOException("ClickHouse insert into " + table + " failed " + attempt + " times within "
                    + retryBudget + "; giving up so the job restarts from its last checkpoint", error);
        }
        LOG.warn("ClickHouse insert into {} failed (attempt {}), retrying in {} ms: {}", table, attempt, backoffMs,
                error.getMessage());
        TimeUnit.MILLISECONDS.sleep(backoffMs);
        return Math.min(backoffMs * 2, 2_000);
    }
}
