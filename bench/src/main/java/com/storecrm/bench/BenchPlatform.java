package com.storecrm.bench;

import com.storecrm.devstack.LocalPlatform;
import com.storecrm.devstack.PlatformDatabase;
import com.storecrm.devstack.ServiceProcess;
import com.storecrm.warehouse.ClickHouseHttp;
import com.storecrm.warehouse.ClickHouseSchema;
import com.storecrm.warehouse.LocalClickHouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh platform for one benchmark run, state in a temporary folder: embedded PostgreSQL on a free
 * port, then either tenant-admin and crm (the API benchmarks; started with the environment the local
 * platform gives the services) or ClickHouse (the change-data-capture benchmark, which starts the
 * CDC job itself through {@link #startProgram}). Analytics is not started. Closing stops the child
 * processes, newest first; PostgreSQL stops when the JVM exits, after which the state folder is
 * deleted (kept, with the logs, after a failure).
 */
final class BenchPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BenchPlatform.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Path state;
    private final String operatorSecret = "bench-" + UUID.randomUUID();
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    /** Part name to the path its process's arguments name, for the CPU meter. */
    private final Map<String, Path> children = new LinkedHashMap<>();
    private volatile boolean keepState;
    private PlatformDatabase database;
    private LocalClickHouse clickHouse;
    private ServiceProcess tenantAdmin;
    private ServiceProcess crm;

    private BenchPlatform(Path state) {
        this.state = state;
    }

    /** PostgreSQL, tenant-admin and crm. */
    static BenchPlatform start(Path home) {
        return start(home, Map.of());
    }

    /** PostgreSQL, tenant-admin and crm, crm with {@code crmEnv} added to its environment. */
    static BenchPlatform start(Path home, Map<String, String> crmEnv) {
        return start(platform -> platform.bootServices(home, crmEnv));
    }

    /** PostgreSQL and ClickHouse (warehouse schema applied), no services. */
    static BenchPlatform startWarehouse() {
        return start(BenchPlatform::bootWarehouse);
    }

    private static BenchPlatform start(Consumer<BenchPlatform> boot) {
        Path state;
        try {
            state = Files.createTempDirectory("storecrm-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary state folder", e);
        }
        BenchPlatform platform = new BenchPlatform(state);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::cleanUpAtExit, "bench-platform-stop"));
        try {
            boot.accept(platform);
        } catch (RuntimeException e) {
            platform.keepState();
            platform.close();
            throw e;
        }
        return platform;
    }

    private void bootServices(Path home, Map<String, String> crmEnv) {
        int[] ports = freePorts(3);
        int dbPort = ports[0];
        int adminPort = ports[1];
        int crmPort = ports[2];
        startDatabase(dbPort);

        Map<String, String> env = new LinkedHashMap<>();
        env.put("PLATFORM_DB_URL", database.jdbcUrl());
        env.put("PLATFORM_DB_OWNER_USER", database.ownerUser());
        env.put("PLATFORM_DB_OWNER_PASSWORD", database.ownerPassword());
        env.put("PLATFORM_DB_APP_USER", database.appUser());
        env.put("PLATFORM_DB_APP_PASSWORD", database.appPassword());
        env.put("PLATFORM_ISSUER", "http://localhost:" + adminPort);
        env.put("PLATFORM_JWK_SET_URI", "http://localhost:" + adminPort + "/oauth2/jwks");
        env.put("PLATFORM_OPERATOR_SECRET", operatorSecret);
        env.put("TENANT_ADMIN_PORT", String.valueOf(adminPort));
        env.put("CRM_PORT", String.valueOf(crmPort));

        Path logs = state.resolve("logs");
        tenantAdmin = service("tenant-admin", home.resolve("tenant-admin"), adminPort, env, logs);
        tenantAdmin.awaitReady(START_TIMEOUT);
        Map<String, String> crmOnly = new LinkedHashMap<>(env);
        crmOnly.putAll(crmEnv);
        crm = service("crm", home.resolve("platform-core/crm"), crmPort, crmOnly, logs);
        crm.awaitReady(START_TIMEOUT);
        log.info("platform ready: tenant-admin {}, crm {}", tenantAdmin.url(), crm.url());
    }

    private void bootWarehouse() {
        int[] ports = freePorts(3);
        startDatabase(ports[0]);
        Path home = state.resolve("clickhouse");
        log.info("starting ClickHouse on ports {} (HTTP) and {} (native)", ports[1], ports[2]);
        clickHouse = LocalClickHouse.start(home, ports[1], ports[2]);
        register("ClickHouse", home.resolve("config.xml"), clickHouse);
        clickHouse.awaitReady(START_TIMEOUT);
        ClickHouseSchema.migrate(new ClickHouseHttp(clickHouse.url()));
        log.info("PostgreSQL and ClickHouse ready ({})", clickHouse.url());
    }

    private void startDatabase(int port) {
        log.info("starting embedded PostgreSQL on port {} (state in {})", port, state);
        database = PlatformDatabase.embedded(state.resolve("postgres"), port);
    }

    private ServiceProcess service(String name, Path module, int port, Map<String, String> env, Path logs) {
        log.info("starting {} on port {} (log: {})", name, port, logs.resolve(name + ".log"));
        Path jar = LocalPlatform.jar(module);
        ServiceProcess process = ServiceProcess.start(name, jar, port, env, logs);
        register(name, jar, process);
        return process;
    }

    /** A plain Java program (the CDC job) in its own JVM, its log next to the services' logs. */
    ServiceProcess startProgram(String name, Path jar, String mainClass, List<String> args, String maxHeap,
                                List<String> jvmOptions, Map<String, String> env) {
        log.info("starting {} (log: {})", name, logs().resolve(name + ".log"));
        ServiceProcess process = ServiceProcess.startProgram(name, jar, mainClass, args, maxHeap, jvmOptions, env, logs());
        register(name, jar, process);
        return process;
    }

    private void register(String name, Path path, AutoCloseable process) {
        synchronized (running) {
            children.put(name, path);
            running.push(process);
        }
    }

    PlatformDatabase database() {
        return database;
    }

    String clickHouseUrl() {
        return clickHouse.url();
    }

    Path state() {
        return state;
    }

    String tenantAdminUrl() {
        return tenantAdmin.url();
    }

    String crmUrl() {
        return crm.url();
    }

    String operatorSecret() {
        return operatorSecret;
    }

    /** Measures the CPU the generator, the child processes and PostgreSQL use. */
    CpuMeter cpuMeter() {
        synchronized (running) {
            return new CpuMeter(children, state.resolve("postgres").resolve("postmaster.pid"));
        }
    }

    Path logs() {
        return state.resolve("logs");
    }

    /** Keep the state folder (database and service logs) for a look after the run. */
    void keepState() {
        keepState = true;
    }

    /** Stops the child processes, newest first; may be called more than once. */
    @Override
    public void close() {
        while (true) {
            AutoCloseable process;
            synchronized (running) {
                process = running.poll();
            }
            if (process == null) {
                return;
            }
            try {
                process.close();
            } catch (Exception e) {
                log.warn("could not stop {}: {}", process, e.getMessage());
            }
        }
    }

    /** At exit: services down, then wait (bounded) for PostgreSQL's own exit hook before deleting its files. */
    private void cleanUpAtExit() {
        close();
        if (keepState) {
            return;
        }
        Path pid = state.resolve("postgres").resolve("postmaster.pid");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (Files.exists(pid) && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!Files.exists(pid)) {
            delete(state);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary folder; whatever is left the OS cleans up
        }
    }

    private static int[] freePorts(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // only probing for a port number
                    }
                }
            }
        }
    }
}
