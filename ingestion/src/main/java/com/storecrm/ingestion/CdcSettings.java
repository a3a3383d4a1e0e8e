package com.storecrm.ingestion;

import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the job needs to know, from environment variables overridden by {@code --name=value} (or
 * {@code --name value}) arguments. Defaults fit {@code ./platform run}: the embedded database on
 * port 54320, ClickHouse on 8123, checkpoints under {@code .state/}.
 *
 * <table>
 *   <caption>settings</caption>
 *   <tr><th>argument</th><th>environment</th><th>default</th></tr>
 *   <tr><td>--db-url</td><td>PLATFORM_DB_URL</td><td>jdbc:postgresql://localhost:54320/postgres</td></tr>
 *   <tr><td>--db-host / --db-port / --db-name</td><td>CDC_DB_HOST / CDC_DB_PORT / CDC_DB_NAME</td><td>from the URL</td></tr>
 *   <tr><td>--db-user / --db-password</td><td>PLATFORM_DB_CDC_USER / PLATFORM_DB_CDC_PASSWORD</td><td>storecrm_cdc / cdc-secret</td></tr>
 *   <tr><td>--slot</td><td>CDC_SLOT_NAME</td><td>storecrm_cdc</td></tr>
 *   <tr><td>--publication</td><td>CDC_PUBLICATION</td><td>storecrm_cdc</td></tr>
 *   <tr><td>--clickhouse-url / -user / -password</td><td>CLICKHOUSE_URL / CLICKHOUSE_USER / CLICKHOUSE_PASSWORD</td><td>http://127.0.0.1:8123, default, empty</td></tr>
 *   <tr><td>--checkpoint-interval</td><td>CDC_CHECKPOINT_INTERVAL</td><td>1s</td></tr>
 *   <tr><td>--checkpoint-dir</td><td>CDC_CHECKPOINT_DIR</td><td>file://$STATE_DIR/cdc-checkpoints (STATE_DIR: .state)</td></tr>
 *   <tr><td>--parallelism</td><td>CDC_PARALLELISM</td><td>1</td></tr>
 *   <tr><td>--poll-interval</td><td>CDC_POLL_INTERVAL</td><td>25ms</td></tr>
 *   <tr><td>--flush-interval</td><td>CDC_FLUSH_INTERVAL</td><td>25ms</td></tr>
 *   <tr><td>--batch-rows</td><td>CDC_BATCH_ROWS</td><td>5000</td></tr>
 *   <tr><td>--clickhouse-retry-timeout</td><td>CDC_CLICKHOUSE_RETRY_TIMEOUT</td><td>30s (then the job fails and restarts from its checkpoint)</td></tr>
 *   <tr><td>--slot-wal-warn-bytes</td><td>CDC_SLOT_WAL_WARN_BYTES</td><td>536870912</td></tr>
 *   <tr><td>--local</td><td></td><td>off: run in an in-process MiniCluster</td></tr>
 * </table>
 */
public record CdcSettings(
        String dbHost,
        int dbPort,
        String dbName,
        String dbUser,
        String dbPassword,
        String slotName,
        String publication,
        String clickHouseUrl,
        String clickHouseUser,
        String clickHousePassword,
        Duration checkpointInterval,
        String checkpointDir,
        int parallelism,
        Duration pollInterval,
        Duration flushInterval,
        int batchRows,
        Duration clickHouseRetryTimeout,
        long slotWalWarnBytes,
        boolean local) implements Serializable {

    public static final String DEFAULT_DB_URL = "jdbc:postgresql://localhost:54320/postgres";

    public static CdcSettings from(Map<String, String> environment, String... args) {
        Map<String, String> values = new HashMap<>();
        ENV.forEach((arg, env) -> {
            String value = environment.get(env);
            if (value != null && !value.isBlank()) {
                values.put(arg, value.trim());
            }
        });
        boolean local = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String name = arg.substring(2);
            if (name.equals("local")) {
                local = true;
                continue;
            }
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("missing value for --" + name);
            }
            if (!ENV.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: --local, --" + String.join(", --", ENV.keySet()));
            }
            values.put(name, value);
        }

        URI db = URI.create(values.getOrDefault("db-url", DEFAULT_DB_URL).replaceFirst("^jdbc:", ""));
        String host = values.getOrDefault("db-host", db.getHost() == null ? "localhost" : db.getHost());
        int port = Integer.parseInt(values.getOrDefault("db-port", String.valueOf(db.getPort() < 0 ? 5432 : db.getPort())));
        String dbPath = db.getPath() == null || db.getPath().length() <= 1 ? "postgres" : db.getPath().substring(1);
        String name = values.getOrDefault("db-name", dbPath);

        String stateDir = environment.getOrDefault("STATE_DIR", ".state");
        String checkpointDir = values.getOrDefault("checkpoint-dir",
                Path.of(stateDir, "cdc-checkpoints").toAbsolutePath().normalize().toUri().toString());

        return new CdcSettings(host, port, name,
                values.getOrDefault("db-user", "storecrm_cdc"),
                values.getOrDefault("db-password", "cdc-secret"),
                values.getOrDefault("slot", "storecrm_cdc"),
                values.getOrDefault("publication", "storecrm_cdc"),
                values.getOrDefault("clickhouse-url", "http://127.0.0.1:8123"),
                values.getOrDefault("clickhouse-user", ""),
                values.getOrDefault("clickhouse-password", ""),
                duration(values.getOrDefault("checkpoint-interval", "1s")),
                checkpointDir,
                Integer.parseInt(values.getOrDefault("parallelism", "1")),
                duration(values.getOrDefault("poll-interval", "25ms")),
                duration(values.getOrDefault("flush-interval", "25ms")),
                Integer.parseInt(values.getOrDefault("batch-rows", "5000")),
                duration(values.getOrDefault("clickhouse-retry-timeout", "30s")),
                Long.parseLong(values.getOrDefault("slot-wal-warn-bytes", String.valueOf(512L * 1024 * 1024))),
                local);
    }

    /** {@code 250ms}, {@code 1s}, {@code 2m}, or a number of milliseconds. */
    static Duration duration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2).trim()));
        }
        if (value.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1).trim()) * 1000));
        }
        if (value.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1).trim()) * 60);
        }
        return Duration.ofMillis(Long.parseLong(value));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + dbHost + ":" + dbPort + "/" + dbName;
    }

    public CdcSettings withClickHouseUrl(String url) {
        return new CdcSettings(dbHost, dbPort, dbName, dbUser, dbPassword, slotName, publication, url, clickHouseUser,
                clickHousePassword, checkpointInterval, checkpointDir, parallelism, pollInterval, flushInterval, batchRows,
                clickHouseRetryTimeout, slotWalWarnBytes, local);
    }

    @Override
    public String toString() {
        return "CdcSettings[db=" + jdbcUrl() + " user=" + dbUser + " slot=" + slotName + " publication=" + publication
                + " clickhouse=" + clickHouseUrl + " checkpoints=" + checkpointDir + " every " + checkpointInterval
                + " parallelism=" + parallelism + " poll=" + pollInterval + " flush=" + flushInterval + " batchRows=" + batchRows
                + " local=" + local + "]";
    }

    private static final Map<String, String> ENV = new java.util.LinkedHashMap<>();

    static {
        ENV.put("db-url", "PLATFORM_DB_URL");
        ENV.put("db-host", "CDC_DB_HOST");
        ENV.put("db-port", "CDC_DB_PORT");
        ENV.put("db-name", "CDC_DB_NAME");
        ENV.put("db-user", "PLATFORM_DB_CDC_USER");
        ENV.put("db-password", "PLATFORM_DB_CDC_PASSWORD");
        ENV.put("slot", "CDC_SLOT_NAME");
        ENV.put("publication", "CDC_PUBLICATION");
        ENV.put("clickhouse-url", "CLICKHOUSE_URL");
        ENV.put("clickhouse-user", "CLICKHOUSE_USER");
        ENV.put("clickhouse-password", "CLICKHOUSE_PASSWORD");
        ENV.put("checkpoint-interval", "CDC_CHECKPOINT_INTERVAL");
        ENV.put("checkpoint-dir", "CDC_CHECKPOINT_DIR");
        ENV.put("parallelism", "CDC_PARALLELISM");
        ENV.put("poll-interval", "CDC_POLL_INTERVAL");
        ENV.put("flush-interval", "CDC_FLUSH_INTERVAL");
        ENV.put("batch-rows", "CDC_BATCH_ROWS");
        ENV.put("clickhouse-retry-timeout", "CDC_CLICKHOUSE_RETRY_TIMEOUT");
        ENV.put("slot-wal-warn-bytes", "CDC_SLOT_WAL_WARN_BYTES");
    }
}
