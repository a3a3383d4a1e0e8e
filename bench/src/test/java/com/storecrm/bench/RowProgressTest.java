package com.storecrm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RowProgressTest {

    private static final long S = 1_000_000_000L;

    @Test
    void ratesFromTheStartAndBetweenTenAndNinetyPercent() {
        RowProgress progress = new RowProgress(1_000);
        progress.sample(1 * S, 0);
        progress.sample(2 * S, 50);
        progress.sample(3 * S, 100);
        progress.sample(5 * S, 500);
        progress.sample(7 * S, 900);
        progress.sample(8 * S, 1_000);

        assertThat(progress.complete()).isTrue();
        assertThat(progress.reached(1)).isEqualTo(2 * S);
        assertThat(progress.reached(1_000)).isEqualTo(8 * S);
        assertThat(progress.rowsPerSecond(0)).isCloseTo(125.0, within(1e-9));
        assertThat(progress.steadyRowsPerSecond(0.1, 0.9)).isCloseTo(200.0, within(1e-9));
    }

    @Test
    void incompleteProgressHasNoRate() {
        RowProgress progress = new RowProgress(1_000);
        progress.sample(1 * S, 400);

        assertThat(progress.complete()).isFalse();
        assertThat(progress.visible()).isEqualTo(400);
        assertThat(progress.rowsPerSecond(0)).isNaN();
        assertThat(progress.steadyRowsPerSecond(0.1, 0.9)).isNaN();
    }

    @Test
    void theSameSamplesCanBeJudgedAgainstAnotherTotal() {
        RowProgress progress = new RowProgress(1_000);
        progress.sample(1 * S, 0);
        progress.sample(3 * S, 400);

        RowProgress fewer = progress.expecting(400);

        assertThat(fewer.complete()).isTrue();
        assertThat(fewer.rowsPerSecond(1 * S)).isCloseTo(200.0, within(1e-9));
        assertThat(progress.complete()).isFalse();
    }
}
