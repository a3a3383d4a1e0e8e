package com.storecrm.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory of the CDC job's JVM: its heap from its own GC log ({@code -Xlog:gc:file=...}; each
 * collection logs the heap used before and after it and the committed size), and its resident set
 * from {@code /proc/<pid>/status} (VmRSS now, VmHWM the peak). The heap used just before a
 * collection is the local peak, so the largest of those is the peak used heap; reading a log costs
 * the job nothing, unlike attaching jcmd to it every second.
 */
final class JobMemory {

    /** "GC(12) Pause Young (Normal) (G1 Evacuation Pause) 120M->31M(256M) 4.567ms" */
    private static final Pattern COLLECTION = Pattern.compile(
            "(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)\\s+([0-9]+(?:\\.[0-9]+)?)ms");

    /** What the collections in a stretch of the GC log say; sizes in MiB, NaN when there was none. */
    record Gc(double peakUsedMb, double peakCommittedMb, int pauses, double pauseMillis, double maxPauseMillis) {

        static final Gc NONE = new Gc(Double.NaN, Double.NaN, 0, 0, 0);
    }

    private final long pid;
    private final Path gcLog;

    JobMemory(long pid, Path gcLog) {
        this.pid = pid;
        this.gcLog = gcLog;
    }

    static Gc summarize(List<String> lines) {
        double peakUsed = Double.NaN;
        double peakCommitted = Double.NaN;
        int pauses = 0;
        double pauseMillis = 0;
        double maxPause = 0;
        for (String line : lines) {
            Matcher m = COLLECTION.matcher(line);
            if (!m.find()) {
                continue;
            }
            double before = mib(m.group(1), m.group(2));
            double committed = mib(m.group(5), m.group(6));
            peakUsed = Double.isNaN(peakUsed) ? before : Math.max(peakUsed, before);
            peakCommitted = Double.isNaN(peakCommitted) ? committed : Math.max(peakCommitted, committed);
            if (line.contains(" Pause ")) {
                double millis = Double.parseDouble(m.group(7));
                pauses++;
                pauseMillis += millis;
                maxPause = Math.max(maxPause, millis);
            }
        }
        return new Gc(peakUsed, peakCommitted, pauses, pauseMillis, maxPause);
    }

    /** A field of /proc/<pid>/status in kB ({@code VmRSS}, {@code VmHWM}), or -1 when absent. */
    static long statusKb(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field + ":")) {
                String value = line.substring(field.length() + 1).trim();
                int space = value.indexOf(' ');
                return Long.parseLong(space < 0 ? value : value.substring(0, space));
            }
        }
        return -1;
    }

    /** Where the GC log ends now: pass it to {@link #gcSince} at the end of a phase. */
    long gcMark() {
        try {
            return Files.exists(gcLog) ? Files.size(gcLog) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The collections logged after {@code mark}. */
    Gc gcSince(long mark) {
        if (!Files.exists(gcLog)) {
            return Gc.NONE;
        }
        try (RandomAccessFile file = new RandomAccessFile(gcLog.toFile(), "r")) {
            long length = file.length();
            if (length <= mark) {
                return Gc.NONE;
            }
            byte[] bytes = new byte[(int) (length - mark)];
            file.seek(mark);
            file.readFully(bytes);
            return summarize(List.of(new String(bytes, StandardCharsets.UTF_8).split("\n")));
        } catch (IOException e) {
            return Gc.NONE;
        }
    }

    /** VmRSS or VmHWM of the job in kB, -1 when /proc cannot tell (not Linux, or the job is gone). */
    long residentKb(String field) {
        try {
            return statusKb(Files.readString(Path.of("/proc", String.valueOf(pid), "status")), field);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double mib(String amount, String unit) {
        double value = Double.parseDouble(amount);
        return switch (unit) {
            case "K" -> value / 1024;
            case "G" -> value * 1024;
            default -> value;
        };
    }
}
