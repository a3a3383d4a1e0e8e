package com.storecrm.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies the warehouse's versioned DDL ({@code clickhouse/V<n>__<name>.sql}, listed in
 * {@code clickhouse/migrations.txt}) once each. Statements use IF NOT EXISTS, so two instances
 * starting together do no harm. SQL stays within what ClickHouse 18.16 and current releases share.
 */
public final class ClickHouseSchema {

    public static final String DATABASE = "storecrm";

    /**
     * The warehouse tables that mirror a tenant table of the same name (plus tenant, version,
     * deleted). The capture job reads exactly these: snapshotting tables nobody queries cost seconds
     * per table and tenant. A new mirrored table is added here together with its DDL.
     */
    public static final List<String> MIRRORED_TABLES = List.of("lead");

    private ClickHouseSchema() {
    }

    public static void migrate(ClickHouseHttp clickHouse) {
        clickHouse.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE);
        clickHouse.execute("CREATE TABLE IF NOT EXISTS " + DATABASE + ".schema_history (version UInt32, name String,"
                + " applied_at DateTime DEFAULT now()) ENGINE = MergeTree ORDER BY version");
        Set<String> applied = new HashSet<>(clickHouse.query("SELECT toString(version) FROM " + DATABASE + ".schema_history"));
        for (String file : resource("clickhouse/migrations.txt").lines().map(String::trim).filter(l -> !l.isEmpty()).toList()) {
            String version = file.substring(1, file.indexOf("__"));
            if (applied.contains(version)) {
                continue;
            }
            for (String statement : statements(resource("clickhouse/" + file))) {
                clickHouse.execute(statement);
            }
            clickHouse.execute("INSERT INTO " + DATABASE + ".schema_history (version, name) VALUES (" + Integer.parseInt(version)
                    + ", '" + file.replace("'", "") + "')");
        }
    }

    public static int currentVersion(ClickHouseHttp clickHouse) {
        List<String> rows = clickHouse.query("SELECT max(version) FROM " + DATABASE + ".schema_history");
        return rows.isEmpty() ? 0 : Integer.parseInt(rows.get(0));
    }

    static List<String> statements(String sql) {
        String withoutComments = sql.lines().filter(l -> !l.trim().startsWith("--"))
                .reduce("", (a, b) -> a + b + "\n");
        return Arrays.stream(withoutComments.split(";\\s*\n")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String resource(String path) {
        try (InputStream in = ClickHouseSchema.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
