package com.storecrm.ingestion;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row change of a tenant table, as the sink needs it: which tenant and table, the operation
 * ({@code c} insert, {@code r} snapshot read, {@code u} update, {@code d} delete), the LSN of the
 * change (0 for snapshot rows), the commit time, and the row image (after-image, or the
 * before-image for deletes) with values already in the warehouse's text forms.
 *
 * <p>A Flink POJO (public fields, no-arg constructor); the row map goes through Kryo only when the
 * record crosses a network boundary, which the default single-chain pipeline never does.
 */
public class ChangeEvent {

    public static final String INSERT = "c";
    public static final String READ = "r";
    public static final String UPDATE = "u";
    public static final String DELETE = "d";

    /** Tenant slug: the schema name without {@code tenant_}. */
    public String tenant;
    public String table;
    public String op;
    public long lsn;
    /** Commit time of the transaction (read time for snapshot rows), epoch milliseconds. */
    public long commitMillis;
    public Map<String, Object> row;

    public ChangeEvent() {
    }

    public ChangeEvent(String tenant, String table, String op, long lsn, long commitMillis, Map<String, Object> row) {
        this.tenant = tenant;
        this.table = table;
        this.op = op;
        this.lsn = lsn;
        this.commitMillis = commitMillis;
        this.row = row == null ? new LinkedHashMap<>() : row;
    }

    public boolean isDelete() {
        return DELETE.equals(op);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ChangeEvent other)) {
            return false;
        }
        return lsn == other.lsn && commitMillis == other.commitMillis && Objects.equals(tenant, other.tenant)
                && Objects.equals(table, other.table) && Objects.equals(op, other.op) && Objects.equals(row, other.row);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenant, table, op, lsn, commitMillis, row);
    }

    @Override
    public String toString() {
        return "ChangeEvent{" + tenant + "." + table + " " + op + " lsn=" + lsn + " commit=" + commitMillis + " " + row + "}";
    }
}
