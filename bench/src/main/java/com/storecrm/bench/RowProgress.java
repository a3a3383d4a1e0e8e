package com.storecrm.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * How many of a known number of rows a poller saw in ClickHouse over time ({@link System#nanoTime}
 * samples): when the first row and all rows were visible, and the rates in between.
 */
final class RowProgress {

    private record Sample(long nanos, long rows) {
    }

    private final long expected;
    private final List<Sample> samples = new ArrayList<>();

    RowProgress(long expected) {
        this.expected = expected;
    }

    synchronized void sample(long nanos, long rows) {
        samples.add(new Sample(nanos, rows));
    }

    /** The same samples judged against another number of rows (known only once the writers stopped). */
    synchronized RowProgress expecting(long rows) {
        RowProgress copy = new RowProgress(rows);
        copy.samples.addAll(samples);
        return copy;
    }

    long expected() {
        return expected;
    }

    /** The most rows any sample saw. */
    synchronized long visible() {
        return samples.stream().mapToLong(Sample::rows).max().orElse(0);
    }

    /** When a sample first saw at least {@code rows} rows, or -1 when none did. */
    synchronized long reached(long rows) {
        for (Sample sample : samples) {
            if (sample.rows() >= rows) {
                return sample.nanos();
            }
        }
        return -1;
    }

    boolean complete() {
        return reached(expected) >= 0;
    }

    /** All rows over the time from {@code fromNanos} until they were all visible; NaN when they never were. */
    double rowsPerSecond(long fromNanos) {
        long done = reached(expected);
        return done < 0 || done <= fromNanos ? Double.NaN : expected / ((done - fromNanos) / 1e9);
    }

    /**
     * The rate between the first samples that saw {@code lowFraction} and {@code highFraction} of the
     * rows: the pipeline's pace once it is going, without its start and its last batch.
     */
    synchronized double steadyRowsPerSecond(double lowFraction, double highFraction) {
        Sample low = first((long) Math.ceil(expected * lowFraction));
        Sample high = first((long) Math.ceil(expected * highFraction));
        if (low == null || high == null || high.nanos() <= low.nanos()) {
            return Double.NaN;
        }
        return (high.rows() - low.rows()) / ((high.nanos() - low.nanos()) / 1e9);
    }

    private Sample first(long rows) {
        for (Sample sample : samples) {
            if (sample.rows() >= rows) {
                return sample;
            }
        }
        return null;
    }
}
