package com.storecrm.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One of the platform's Spring Boot services, run from its built jar as a child process. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> env, Path logDir) {
        return launch(name, jar, port, List.of("java", "-Xmx512m", "-Duser.timezone=UTC", "-jar", jar.toString()), env, logDir);
    }

    /**
     * A plain Java program from a (shaded) jar, e.g. the CDC job in its local MiniCluster; it serves
     * no HTTP, so {@link #awaitReady} does not apply, {@link #awaitRunning} does.
     */
    public static ServiceProcess startProgram(String name, Path jar, String mainClass, List<String> args, String maxHeap,
            Map<String, String> env, Path logDir) {
        return startProgram(name, jar, mainClass, args, maxHeap, List.of(), env, logDir);
    }

    /** As above, with extra JVM options before the main class (e.g. GC logging for a benchmark). */
    public static ServiceProcess startProgram(String name, Path jar, String mainClass, List<String> args, String maxHeap,
            List<String> jvmOptions, Map<String, String> env, Path logDir) {
        List<String> command = new java.util.ArrayList<>(List.of("java", "-Xmx" + maxHeap, "-Duser.timezone=UTC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", jar.toString(), mainClass));
        command.addAll(args);
        return launch(name, jar, 0, command, env, logDir);
    }

    private static ServiceProcess launch(String name, Path jar, int port, List<String> command, Map<String, String> env,
            Path logDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./platform run does)");
        }
        try {
            Path log = Files.createDirectories(logDir).resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            return new ServiceProcess(name, port, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start; see " + log);
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep polling until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    /** Waits until the log shows {@code marker} (the program got past its start), failing if it exits first. */
    public void awaitRunning(String marker, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start; see " + log);
            }
            try {
                if (Files.exists(log) && Files.readString(log).contains(marker)) {
                    return;
                }
            } catch (IOException | java.io.UncheckedIOException unreadableYet) {
                // keep polling until the deadline
            }
            pause();
        }
        throw new IllegalStateException(name + " did not get going within " + timeout + "; see " + log);
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    /** The operating system's process id, e.g. to read its memory from /proc. */
    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
