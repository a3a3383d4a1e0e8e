package com.storecrm.bench;

import com.storecrm.devstack.LocalPlatform;
import com.storecrm.devstack.PlatformDatabase;
import com.storecrm.devstack.ServiceProcess;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh platform for one benchmark run: embedded PostgreSQL, tenant-admin and crm on free ports,
 * state in a temporary folder, started with the environment the local platform gives the services.
 * Analytics and ClickHouse are not started. Closing stops the services; PostgreSQL stops when the
 * JVM exits, after which the state folder is deleted (kept, with the service logs, after a failure).
 */
final class BenchPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BenchPlatform.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Path state;
    private final String operatorSecret = "bench-" + UUID.randomUUID();
    private final Deque<ServiceProcess> running = new ArrayDeque<>();
    private final Map<String, Path> jars = new LinkedHashMap<>();
    private volatile boolean keepState;
    private ServiceProcess tenantAdmin;
    private ServiceProcess crm;

    private BenchPlatform(Path state) {
        this.state = state;
    }

    static BenchPlatform start(Path home) {
        Path state;
        try {
            state = Files.createTempDirectory("storecrm-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary state folder", e);
        }
        BenchPlatform platform = new BenchPlatform(state);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::cleanUpAtExit, "bench-platform-stop"));
        try {
            platform.boot(home);
        } catch (RuntimeException e) {
            platform.keepState();
            platform.close();
            throw e;
        }
        return platform;
    }

    private void boot(Path home) {
        int[] ports = freePorts(3);
        int dbPort = ports[0];
        int adminPort = ports[1];
        int crmPort = ports[2];
        log.info("starting embedded PostgreSQL on port {} (state in {})", dbPort, state);
        PlatformDatabase database = PlatformDatabase.embedded(state.resolve("postgres"), dbPort);

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
        crm = service("crm", home.resolve("platform-core/crm"), crmPort, env, logs);
        crm.awaitReady(START_TIMEOUT);
        log.info("platform ready: tenant-admin {}, crm {}", tenantAdmin.url(), crm.url());
    }

    private ServiceProcess service(String name, Path module, int port, Map<String, String> env, Path logs) {
        log.info("starting {} on port {} (log: {})", name, port, logs.resolve(name + ".log"));
        Path jar = LocalPlatform.jar(module);
        jars.put(name, jar);
        ServiceProcess process = ServiceProcess.start(name, jar, port, env, logs);
        synchronized (running) {
            running.push(process);
        }
        return process;
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

    /** Measures the CPU the generator, the services and PostgreSQL use. */
    CpuMeter cpuMeter() {
        return new CpuMeter(jars, state.resolve("postgres").resolve("postmaster.pid"));
    }

    Path logs() {
        return state.resolve("logs");
    }

    /** Keep the state folder (database and service logs) for a look after the run. */
    void keepState() {
        keepState = true;
    }

    /** Stops the services, newest first; may be called more than once. */
    @Override
    public void close() {
        while (true) {
            ServiceProcess process;
            synchronized (running) {
                process = running.poll();
            }
            if (process == null) {
                return;
            }
            process.close();
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
