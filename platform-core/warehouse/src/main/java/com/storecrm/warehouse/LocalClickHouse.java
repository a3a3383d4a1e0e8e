package com.storecrm.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Debian's clickhouse-server on loopback with its data under the platform's state folder. */
public final class LocalClickHouse implements AutoCloseable {

    private static LocalClickHouse shared;

    private final Process process;
    private final int httpPort;

    private LocalClickHouse(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    /**
     * The ClickHouse of this JVM's tests: a fresh server in a temporary folder on free loopback
     * ports, started on first use and stopped at exit. Fails, never skips, when the server is absent.
     */
    public static synchronized LocalClickHouse shared() {
        if (shared == null) {
            try {
                Path home = Files.createTempDirectory("clickhouse-test");
                shared = start(home, freePort(), freePort());
                LocalClickHouse started = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    deleteTree(home); // a throwaway server: leave nothing in /tmp run after run
                }, "clickhouse-stop"));
                shared.awaitReady(java.time.Duration.ofSeconds(60));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** Waits until the server answers a query over HTTP. */
    public void awaitReady(java.time.Duration timeout) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest ping = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url() + "/ping")).build();
        java.time.Instant deadline = java.time.Instant.now().plus(timeout);
        while (java.time.Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("ClickHouse exited during start");
            }
            try {
                if (http.send(ping, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                java.util.concurrent.TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("ClickHouse did not answer within " + timeout);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public static LocalClickHouse start(Path home, int httpPort, int tcpPort) {
        Path binary = java.util.stream.Stream.of("/usr/bin/clickhouse-server", "/usr/sbin/clickhouse-server")
                .map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        if (binary == null) {
            throw new IllegalStateException("clickhouse-server is not installed; './platform run' installs it with apt,"
                    + " or set CLICKHOUSE_URL to use an external ClickHouse");
        }
        try {
            Path data = Files.createDirectories(home.resolve("data"));
            Path logs = Files.createDirectories(home.resolve("logs"));
            Files.writeString(home.resolve("config.xml"), config(data, logs, httpPort, tcpPort));
            Files.writeString(home.resolve("users.xml"), USERS);
            Process process = new ProcessBuilder(binary.toString(), "--config-file=" + home.resolve("config.xml"))
                    .redirectErrorStream(true).redirectOutput(logs.resolve("stdout.log").toFile()).start();
            return new LocalClickHouse(process, httpPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start ClickHouse", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path root) {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at JVM exit; the folder is in the temp directory anyway
        }
    }

    private static String config(Path data, Path logs, int httpPort, int tcpPort) {
        return """
                <?xml version="1.0"?>
                <yandex>
                    <logger><level>warning</level><log>%2$s/server.log</log><errorlog>%2$s/error.log</errorlog><size>50M</size><count>2</count></logger>
                    <http_port>%3$d</http_port>
                    <tcp_port>%4$d</tcp_port>
                    <listen_host>127.0.0.1</listen_host>
                    <path>%1$s/</path>
                    <tmp_path>%1$s/tmp/</tmp_path>
                    <user_files_path>%1$s/user_files/</user_files_path>
                    <format_schema_path>%1$s/format_schemas/</format_schema_path>
                    <users_config>users.xml</users_config>
                    <default_profile>default</default_profile>
                    <default_database>default</default_database>
                    <timezone>UTC</timezone>
                    <mark_cache_size>536870912</mark_cache_size>
                    <max_concurrent_queries>100</max_concurrent_queries>
                </yandex>
                """.formatted(data, logs, httpPort, tcpPort);
    }

    private static final String USERS = """
            <?xml version="1.0"?>
            <yandex>
                <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
                <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
                    <profile>default</profile><quota>default</quota></default></users>
                <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
                    <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
            </yandex>
            """;
}
