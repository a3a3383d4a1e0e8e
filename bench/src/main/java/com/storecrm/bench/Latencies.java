package com.storecrm.bench;

import java.util.Arrays;

/**
 * Every latency of one kind of request, in nanoseconds, kept whole (a run records tens of
 * thousands, not millions) so percentiles are exact rather than bucketed.
 */
final class Latencies {

    /** More than any phase records; a bound so a runaway phase cannot eat the heap. */
    static final int CAPACITY = 20_000_000;

    private long[] nanos = new long[1024];
    private int size;
    private long dropped;

    synchronized void record(long latencyNanos) {
        if (size == nanos.length) {
            if (size >= CAPACITY) {
                dropped++;
                return;
            }
            nanos = Arrays.copyOf(nanos, Math.min(CAPACITY, size * 2));
        }
        nanos[size++] = latencyNanos;
    }

    synchronized Snapshot snapshot() {
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        return new Snapshot(sorted, dropped);
    }

    /** Sorted latencies with nearest-rank percentiles. */
    record Snapshot(long[] sorted, long dropped) {

        int count() {
            return sorted.length;
        }

        /** The nearest-rank percentile in milliseconds ({@code p} from 0 exclusive to 100); NaN when empty. */
        double percentileMillis(double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return millis(sorted[Math.max(0, Math.min(sorted.length, rank) - 1)]);
        }

        double maxMillis() {
            return sorted.length == 0 ? Double.NaN : millis(sorted[sorted.length - 1]);
        }

        private static double millis(long nanos) {
            return nanos / 1_000_000.0;
        }
    }
}
