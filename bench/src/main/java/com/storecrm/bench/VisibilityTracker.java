package com.storecrm.bench;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * When each committed change became visible in ClickHouse, from polls that each learn just one
 * visible change: the highest sequence number among the rows that arrived since the previous poll
 * ({@link NewestSeqQuery}), which is cheap to ask.
 *
 * <p>The job applies changes in commit order, so when change N is visible, every change that
 * committed before N is visible too. The client knows for sure that M committed before N when M's
 * commit had returned before N's commit was sent. So a poll that sees N at time t
 * resolves N itself and every pending M whose commit returned before N's commit was sent, with
 * latency {@code t - commit return}. Changes committed concurrently with N wait for a later poll:
 * the figure is an upper bound, never early. Deletes leave no sequence number of their own and are
 * resolved the same way by later changes, so a run ends with a few unmeasured changes as a fence.
 */
final class VisibilityTracker {

    private record Pending(long seq, long scheduledNanos, long committedNanos, boolean measured) {
    }

    private final long firstSeq;
    private final long[] commitSentNanos;
    private final List<Pending> pending = new ArrayList<>();
    private final Latencies commitToVisible = new Latencies();
    private final Latencies scheduledToVisible = new Latencies();
    private long measuredPending;
    private long visibleBeforeCommitReturned;

    /** Tracks the changes numbered {@code firstSeq} to {@code firstSeq + count - 1}. */
    VisibilityTracker(long firstSeq, int count) {
        this.firstSeq = firstSeq;
        this.commitSentNanos = new long[count];
    }

    /** Change {@code seq} is about to send its commit. */
    synchronized void committing(long seq, long nanos) {
        commitSentNanos[index(seq)] = nanos;
    }

    /** Change {@code seq}'s commit returned; {@code measured} false for warm-up and fence changes. */
    synchronized void committed(long seq, long scheduledNanos, long committedNanos, boolean measured) {
        index(seq);
        pending.add(new Pending(seq, scheduledNanos, committedNanos, measured));
        if (measured) {
            measuredPending++;
        }
    }

    /** A poll that ended at {@code atNanos} saw {@code maxVisibleSeq} as the highest visible sequence number. */
    synchronized void observe(long maxVisibleSeq, long atNanos) {
        if (maxVisibleSeq < firstSeq || maxVisibleSeq >= firstSeq + commitSentNanos.length) {
            return;
        }
        long fence = commitSentNanos[index(maxVisibleSeq)];
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending change = it.next();
            if (change.seq() == maxVisibleSeq || (fence != 0 && change.committedNanos() < fence)) {
                it.remove();
                if (change.measured()) {
                    measuredPending--;
                    long latency = atNanos - change.committedNanos();
                    if (latency < 0) {
                        visibleBeforeCommitReturned++;
                    }
                    commitToVisible.record(Math.max(0, latency));
                    scheduledToVisible.record(Math.max(0, atNanos - change.scheduledNanos()));
                }
            }
        }
    }

    /** Measured changes committed but not seen yet. */
    synchronized long measuredPending() {
        return measuredPending;
    }

    /** Polls saw a change before its writer had noted the commit's return (clamped to 0 above). */
    synchronized long visibleBeforeCommitReturned() {
        return visibleBeforeCommitReturned;
    }

    Latencies.Snapshot commitToVisible() {
        return commitToVisible.snapshot();
    }

    Latencies.Snapshot scheduledToVisible() {
        return scheduledToVisible.snapshot();
    }

    private int index(long seq) {
        long index = seq - firstSeq;
        if (index < 0 || index >= commitSentNanos.length) {
            throw new IllegalArgumentException("change " + seq + " is outside " + firstSeq + ".."
                    + (firstSeq + commitSentNanos.length - 1));
        }
        return (int) index;
    }
}
