package com.storecrm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Who used the CPU during a phase, in cores busy on average: the load generator (this JVM), each
 * child process started for the run (services, the CDC job, ClickHouse; with their own children),
 * PostgreSQL (postmaster and backends) and, from /proc/stat on Linux, everything else on the
 * machine. The parts share the same cores, so this tells a slow server from a starved one.
 */
final class CpuMeter {

    static final String GENERATOR = "load generator";
    static final String POSTGRES = "PostgreSQL";
    static final String OTHER = "everything else";

    private final Map<String, Path> children;
    private final Path postmasterPid;

    /**
     * @param children part name to a path one of its process's arguments names: the jar a service
     *                 or the CDC job runs, ClickHouse's configuration file
     */
    CpuMeter(Map<String, Path> children, Path postmasterPid) {
        this.children = new LinkedHashMap<>(children);
        this.postmasterPid = postmasterPid;
    }

    record Sample(long nanos, Map<String, Long> cpuNanos, long machineBusy, long machineTotal) {
    }

    Sample sample() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        cpu.put(GENERATOR, cpuNanos(ProcessHandle.current()));
        List<ProcessHandle> processes = ProcessHandle.current().children().toList();
        children.forEach((name, path) -> cpu.put(name, processes.stream()
                .filter(child -> child.info().arguments().map(args -> names(args, path.toString())).orElse(false))
                .mapToLong(child -> cpuNanos(child) + child.descendants().mapToLong(CpuMeter::cpuNanos).sum()).sum()));
        cpu.put(POSTGRES, postmaster().map(postmaster -> cpuNanos(postmaster)
                + postmaster.descendants().mapToLong(CpuMeter::cpuNanos).sum()).orElse(0L));
        long[] machine = machine();
        return new Sample(System.nanoTime(), cpu, machine[0], machine[1]);
    }

    /** Whether an argument is {@code path} or ends with it ({@code --config-file=<path>}). */
    static boolean names(String[] args, String path) {
        for (String arg : args) {
            if (arg.equals(path) || arg.endsWith("=" + path)) {
                return true;
            }
        }
        return false;
    }

    /** Cores busy on average between two samples, per part, with the rest of the machine last when known. */
    static Map<String, Double> coresBetween(Sample from, Sample to, int cores) {
        double wall = Math.max(1, to.nanos() - from.nanos());
        Map<String, Double> used = new LinkedHashMap<>();
        double measured = 0;
        for (Map.Entry<String, Long> part : to.cpuNanos().entrySet()) {
            double share = Math.max(0, part.getValue() - from.cpuNanos().getOrDefault(part.getKey(), 0L)) / wall;
            used.put(part.getKey(), share);
            measured += share;
        }
        long total = to.machineTotal() - from.machineTotal();
        if (total > 0) {
            double machine = (double) (to.machineBusy() - from.machineBusy()) / total * cores;
            used.put(OTHER, Math.max(0, machine - measured));
        }
        return used;
    }

    private Optional<ProcessHandle> postmaster() {
        try (Stream<String> lines = Files.lines(postmasterPid)) {
            return lines.findFirst().map(String::trim).map(Long::parseLong).flatMap(ProcessHandle::of);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** Busy and total jiffies of all CPUs from /proc/stat, or zeros where there is none. */
    private static long[] machine() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            String[] fields = lines.findFirst().orElse("").trim().split("\\s+");
            if (fields.length < 6 || !fields[0].equals("cpu")) {
                return new long[] {0, 0};
            }
            long total = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
