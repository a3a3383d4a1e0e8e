package com.storecrm.tenancy.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The columns of many rows as SQL arrays, one parameter per column, for a set-based statement that
 * unnests them ({@code insert ... select * from unnest(?::uuid[], ?::text[], ...)}): one statement
 * and one round trip for any number of rows, in the order given. Nulls stay nulls.
 */
public final class UnnestColumns<T> {

    private record Column<T>(String type, Function<T, Object> value) {
    }

    private final List<T> rows;
    private final List<Column<T>> columns = new ArrayList<>();

    private UnnestColumns(List<T> rows) {
        this.rows = rows;
    }

    public static <T> UnnestColumns<T> of(List<T> rows) {
        return new UnnestColumns<>(rows);
    }

    public UnnestColumns<T> uuid(Function<T, UUID> value) {
        return column("uuid", value::apply);
    }

    public UnnestColumns<T> text(Function<T, String> value) {
        return column("text", value::apply);
    }

    public UnnestColumns<T> integer(Function<T, Integer> value) {
        return column("integer", value::apply);
    }

    public UnnestColumns<T> timestamp(Function<T, Instant> value) {
        return column("timestamptz", row -> {
            Instant at = value.apply(row);
            return at == null ? null : Timestamp.from(at);
        });
    }

    /** Sets the columns as parameters {@code first}, {@code first + 1}, ... and answers the next free index. */
    public int bind(PreparedStatement statement, int first) throws SQLException {
        Connection connection = statement.getConnection();
        int index = first;
        for (Column<T> column : columns) {
            statement.setArray(index++, connection.createArrayOf(column.type(),
                    rows.stream().map(column.value()).toArray()));
        }
        return index;
    }

    private UnnestColumns<T> column(String type, Function<T, Object> value) {
        columns.add(new Column<>(type, value));
        return this;
    }
}
