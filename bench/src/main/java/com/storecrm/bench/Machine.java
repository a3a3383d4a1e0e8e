package com.storecrm.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;

/** The machine a run happened on, for the report. */
record Machine(int cores, long maxHeapBytes, long physicalMemoryBytes, String os, String java) {

    static Machine current() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        long memory = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : -1;
        return new Machine(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(), memory,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version")
                        + " (" + System.getProperty("java.vm.name") + ")");
    }

    String describe() {
        String memory = physicalMemoryBytes < 0 ? "unknown" : gib(physicalMemoryBytes);
        return String.format(Locale.ROOT, "%d cores, %s RAM, load generator max heap %s, %s, Java %s",
                cores, memory, gib(maxHeapBytes), os, java);
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
