package com.storecrm.analytics.backfill;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * One row of a {@link WarehouseTable} in canonical form: its columns' values as text in the table's
 * column order, {@code null} for SQL NULL. The same form is read from both sides, so equal rows have
 * equal digests.
 */
public record TableRow(String id, String storeId, List<String> values) {

    public TableRow {
        values = Collections.unmodifiableList(Arrays.asList(values.toArray(String[]::new)));
    }

    static TableRow of(WarehouseTable table, String[] values) {
        if (values.length != table.columns().size()) {
            throw new IllegalArgumentException(table.name() + ": expected " + table.columns().size()
                    + " values, got " + values.length);
        }
        return new TableRow(values[0], values[table.storeIndex()], Arrays.asList(values));
    }

    /**
     * SHA-256 over the values, each marked as null or length-prefixed text, so that no two different
     * rows (a null and an empty string, values shifted between columns) share a digest.
     */
    public String digest() {
        MessageDigest sha = sha256();
        for (String value : values) {
            if (value == null) {
                sha.update((byte) 0);
            } else {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                sha.update((byte) 1);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
