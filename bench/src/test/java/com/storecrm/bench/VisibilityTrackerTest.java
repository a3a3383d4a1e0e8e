package com.storecrm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VisibilityTrackerTest {

    private static final long MS = 1_000_000;

    @Test
    void aVisibleChangeIsMeasuredFromItsCommitReturnToThePollThatSawIt() {
        VisibilityTracker tracker = new VisibilityTracker(1, 10);
        tracker.committing(1, 5 * MS);
        tracker.committed(1, 0, 10 * MS, true);

        tracker.observe(1, 60 * MS);

        assertThat(tracker.commitToVisible().sorted()).containsExactly(50 * MS);
        assertThat(tracker.scheduledToVisible().sorted()).containsExactly(60 * MS);
        assertThat(tracker.measuredPending()).isZero();
    }

    @Test
    void everyChangeWhoseCommitReturnedBeforeTheVisibleOneWasSentIsVisibleToo() {
        VisibilityTracker tracker = new VisibilityTracker(1, 10);
        tracker.committing(1, 1 * MS);
        tracker.committed(1, 0, 2 * MS, true);   // a delete: its number never shows
        tracker.committing(2, 3 * MS);
        tracker.committed(2, 0, 4 * MS, true);

        tracker.observe(2, 30 * MS);

        assertThat(tracker.commitToVisible().sorted()).containsExactly(26 * MS, 28 * MS);
    }

    @Test
    void aChangeCommittedConcurrentlyWithTheVisibleOneWaitsForALaterProof() {
        VisibilityTracker tracker = new VisibilityTracker(1, 10);
        tracker.committing(1, 1 * MS);
        tracker.committing(2, 2 * MS);
        tracker.committed(2, 0, 3 * MS, true);
        tracker.committed(1, 0, 4 * MS, true);  // returned after 2 was sent: order unknown

        tracker.observe(2, 10 * MS);
        assertThat(tracker.measuredPending()).isEqualTo(1);

        tracker.committing(3, 5 * MS);
        tracker.committed(3, 0, 6 * MS, false);
        tracker.observe(3, 20 * MS);

        assertThat(tracker.measuredPending()).isZero();
        assertThat(tracker.commitToVisible().sorted()).containsExactly(7 * MS, 16 * MS);
    }

    @Test
    void unmeasuredChangesProveVisibilityButAreNotCounted() {
        VisibilityTracker tracker = new VisibilityTracker(100, 3);
        tracker.committing(100, 1 * MS);
        tracker.committed(100, 0, 2 * MS, false);
        tracker.committing(101, 3 * MS);
        tracker.committed(101, 0, 4 * MS, true);
        tracker.committing(102, 5 * MS);
        tracker.committed(102, 0, 6 * MS, false);

        tracker.observe(102, 9 * MS);

        assertThat(tracker.commitToVisible().sorted()).containsExactly(5 * MS);
    }

    @Test
    void numbersOutsideThePhaseAreIgnored() {
        VisibilityTracker tracker = new VisibilityTracker(100, 3);
        tracker.committing(100, 1 * MS);
        tracker.committed(100, 0, 2 * MS, true);

        tracker.observe(99, 9 * MS);
        tracker.observe(-1, 9 * MS);
        tracker.observe(500, 9 * MS);

        assertThat(tracker.measuredPending()).isEqualTo(1);
        assertThatThrownBy(() -> tracker.committing(103, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPollThatSawAChangeBeforeItsWriterNotedTheCommitCountsZeroAndIsReported() {
        VisibilityTracker tracker = new VisibilityTracker(1, 2);
        tracker.committing(1, 1 * MS);
        tracker.committed(1, 0, 12 * MS, true);

        tracker.observe(1, 10 * MS);

        assertThat(tracker.commitToVisible().sorted()).containsExactly(0L);
        assertThat(tracker.visibleBeforeCommitReturned()).isEqualTo(1);
    }
}
