package com.storecrm.analytics.backfill;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An operational table as both sides hold it: the same name in every tenant schema and in the
 * {@code storecrm} ClickHouse database, keyed by a UUID {@code id}, scoped by {@code store_id}. The
 * columns listed are those both sides hold (ClickHouse adds tenant, version, deleted, committed_at;
 * PostgreSQL may have more, such as the JPA version), in the canonical text form the change-data-capture
 * job writes: UUIDs as lowercase strings, timestamps as {@code yyyy-MM-dd HH:mm:ss} UTC, truncated to
 * the second.
 */
public record WarehouseTable(String name, List<Column> columns) {

    public static final String KEY = "id";
    public static final String STORE = "store_id";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

    public WarehouseTable {
        columns = List.copyOf(columns);
        if (!IDENTIFIER.matcher(name).matches() || columns.stream().anyMatch(c -> !IDENTIFIER.matcher(c.name()).matches())) {
            throw new IllegalArgumentException("table and column names must be plain identifiers");
        }
        if (columns.isEmpty() || !columns.get(0).name().equals(KEY) || columns.stream().noneMatch(c -> c.name().equals(STORE))) {
            throw new IllegalArgumentException(name + ": the first column must be " + KEY + " and " + STORE + " must be present");
        }
    }

    public static WarehouseTable of(String name, Column... columns) {
        return new WarehouseTable(name, List.of(columns));
    }

    public int storeIndex() {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(STORE)) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable: checked at construction");
    }

    /** The columns' names, comma separated, as selected from PostgreSQL and inserted into ClickHouse. */
    public String columnList() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** One row of this table in canonical form, read from a PostgreSQL result set. */
    public TableRow readPostgres(ResultSet rs) throws SQLException {
        String[] values = new String[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = columns.get(i).kind().fromPostgres(rs, columns.get(i).name());
        }
        return TableRow.of(this, values);
    }

    public record Column(String name, Kind kind) {

        public static Column uuid(String name) {
            return new Column(name, Kind.UUID);
        }

        public static Column text(String name) {
            return new Column(name, Kind.TEXT);
        }

        public static Column timestamp(String name) {
            return new Column(name, Kind.TIMESTAMP);
        }

        /** How to select this column from ClickHouse so that it prints in canonical form. */
        public String clickHouseSelect() {
            return kind == Kind.TIMESTAMP ? "toString(" + name + ", 'UTC')" : name;
        }
    }

    public enum Kind {
        UUID, TEXT, TIMESTAMP;

        static final DateTimeFormatter WAREHOUSE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

        String fromPostgres(ResultSet rs, String column) throws SQLException {
            return switch (this) {
                case UUID -> {
                    Object value = rs.getObject(column);
                    yield value == null ? null : value.toString().toLowerCase(java.util.Locale.ROOT);
                }
                case TEXT -> rs.getString(column);
                case TIMESTAMP -> {
                    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
                    yield value == null ? null : format(value);
                }
            };
        }

        static String format(OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(WAREHOUSE_TIME);
        }
    }
}
