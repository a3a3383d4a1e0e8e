package com.storecrm.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import com.storecrm.warehouse.LocalClickHouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine: PostgreSQL (embedded, or external when PLATFORM_DB_URL is set),
 * ClickHouse (Debian's server on loopback, or external when CLICKHOUSE_URL is set), tenant-admin,
 * crm and analytics from their built jars, and a demo tenant. Ctrl-C stops everything; state stays
 * in the state folder and is reused by the next run.
 */
public final class LocalPlatform {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);

    private final Map<String, String> env = System.getenv();
    private final Path home = Path.of(env.getOrDefault("PLATFORM_HOME", ".")).toAbsolutePath().normalize();
    private final Path state = Path.of(env.getOrDefault("STATE_DIR", home.resolve(".state").toString())).toAbsolutePath();
    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    public static void main(String[] args) throws InterruptedException {
        LocalPlatform platform = new LocalPlatform();
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "platform-stop"));
        try {
            platform.start();
        } catch (RuntimeException e) {
            log.error("the platform could not start: {}", e.getMessage(), e);
            System.exit(1);
        }
        Thread.currentThread().join();
    }

    private void start() {
        Map<String, String> appEnv = new LinkedHashMap<>();
        String operatorSecret = env.getOrDefault("PLATFORM_OPERATOR_SECRET", "local-operator-secret");
        String dbUrl = database(appEnv);
        String clickHouse = clickHouse();
        int adminPort = port("TENANT_ADMIN_PORT", 9000);
        int crmPort = port("CRM_PORT", 8080);
        int analyticsPort = port("ANALYTICS_PORT", 8081);
        String issuer = env.getOrDefault("PLATFORM_ISSUER", "http://localhost:" + adminPort);
        appEnv.put("PLATFORM_ISSUER", issuer);
        appEnv.put("PLATFORM_JWK_SET_URI", env.getOrDefault("PLATFORM_JWK_SET_URI", "http://localhost:" + adminPort + "/oauth2/jwks"));
        appEnv.put("PLATFORM_OPERATOR_SECRET", operatorSecret);
        appEnv.put("CLICKHOUSE_URL", clickHouse);
        appEnv.put("TENANT_ADMIN_PORT", String.valueOf(adminPort));
        appEnv.put("CRM_PORT", String.valueOf(crmPort));
        appEnv.put("ANALYTICS_PORT", String.valueOf(analyticsPort));

        Path logs = state.resolve("logs");
        ServiceProcess admin = service("tenant-admin", home.resolve("tenant-admin"), adminPort, appEnv, logs);
        admin.awaitReady(Duration.ofMinutes(3));
        ServiceProcess crm = service("crm", home.resolve("platform-core/crm"), crmPort, appEnv, logs);
        ServiceProcess analytics = service("analytics", home.resolve("analytics"), analyticsPort, appEnv, logs);
        crm.awaitReady(Duration.ofMinutes(3));
        analytics.awaitReady(Duration.ofMinutes(3));
        ServiceProcess cdc = changeDataCapture(appEnv, logs);

        Map<String, String> logins = DemoTenant.ensure(state, admin.url(), crm.url(), operatorSecret);
        log.info(Banner.text(admin, crm, analytics, cdc, dbUrl, clickHouse, operatorSecret, logins, state));
    }

    /**
     * The Flink CDC job in an in-process MiniCluster, in its own JVM; it resumes from the checkpoint
     * the previous run retained under the state folder, or snapshots every tenant table on a first run.
     */
    private ServiceProcess changeDataCapture(Map<String, String> appEnv, Path logs) {
        Map<String, String> jobEnv = new LinkedHashMap<>(appEnv);
        jobEnv.put("STATE_DIR", state.toString());
        Path jar = home.resolve("ingestion/target/storecrm-cdc.jar");
        log.info("starting the CDC job in a Flink MiniCluster (log: {})", logs.resolve("cdc.log"));
        ServiceProcess job = ServiceProcess.startProgram("cdc", jar, "com.storecrm.ingestion.CdcJob", List.of("--local"),
                env.getOrDefault("CDC_HEAP", "768m"), jobEnv, logs);
        running.push(job);
        job.awaitRunning("storecrm-cdc is running", Duration.ofMinutes(2));
        return job;
    }

    private String database(Map<String, String> appEnv) {
        String external = env.get("PLATFORM_DB_URL");
        if (external != null && !external.isBlank()) {
            appEnv.put("PLATFORM_DB_URL", external);
            for (String key : new String[] {"PLATFORM_DB_OWNER_USER", "PLATFORM_DB_OWNER_PASSWORD", "PLATFORM_DB_APP_USER",
                    "PLATFORM_DB_APP_PASSWORD", "PLATFORM_DB_CDC_USER", "PLATFORM_DB_CDC_PASSWORD"}) {
                if (env.containsKey(key)) {
                    appEnv.put(key, env.get(key));
                }
            }
            log.info("using external PostgreSQL at {}", external);
            return external;
        }
        log.info("starting embedded PostgreSQL (data in {})", state.resolve("postgres"));
        PlatformDatabase database = PlatformDatabase.embedded(state.resolve("postgres"), port("PLATFORM_DB_PORT", 54320));
        appEnv.put("PLATFORM_DB_URL", database.jdbcUrl());
        appEnv.put("PLATFORM_DB_OWNER_USER", database.ownerUser());
        appEnv.put("PLATFORM_DB_OWNER_PASSWORD", database.ownerPassword());
        appEnv.put("PLATFORM_DB_APP_USER", database.appUser());
        appEnv.put("PLATFORM_DB_APP_PASSWORD", database.appPassword());
        appEnv.put("PLATFORM_DB_CDC_USER", database.cdcUser());
        appEnv.put("PLATFORM_DB_CDC_PASSWORD", database.cdcPassword());
        return database.jdbcUrl();
    }

    private String clickHouse() {
        String external = env.get("CLICKHOUSE_URL");
        if (external != null && !external.isBlank()) {
            log.info("using external ClickHouse at {}", external);
            return external;
        }
        log.info("starting ClickHouse (data in {})", state.resolve("clickhouse"));
        LocalClickHouse clickHouse = LocalClickHouse.start(state.resolve("clickhouse"),
                port("CLICKHOUSE_HTTP_PORT", 8123), port("CLICKHOUSE_TCP_PORT", 9001));
        running.push(clickHouse);
        clickHouse.awaitReady(Duration.ofMinutes(1));
        return clickHouse.url();
    }

    private ServiceProcess service(String name, Path module, int port, Map<String, String> appEnv, Path logs) {
        log.info("starting {} on port {} (log: {})", name, port, logs.resolve(name + ".log"));
        ServiceProcess process = ServiceProcess.start(name, jar(module), port, appEnv, logs);
        running.push(process);
        return process;
    }

    /** The built Spring Boot jar of a service module ({@code <module>/target/*-SNAPSHOT.jar}). */
    public static Path jar(Path module) {
        try (Stream<Path> files = Files.list(module.resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-SNAPSHOT.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no built jar in " + module.resolve("target")));
        } catch (IOException e) {
            throw new UncheckedIOException("no build output in " + module + ": build first", e);
        }
    }

    private int port(String name, int fallback) {
        return Integer.parseInt(env.getOrDefault(name, String.valueOf(fallback)));
    }

    private void stop() {
        log.info("stopping the platform");
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                log.warn("stopping a component failed: {}", e.getMessage());
            }
        }
    }
}
