package com.storecrm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        Latencies latencies = new Latencies();
        for (int ms = 100; ms >= 1; ms--) {
            latencies.record(ms * 1_000_000L);
        }
        Latencies.Snapshot snapshot = latencies.snapshot();

        assertThat(snapshot.count()).isEqualTo(100);
        assertThat(snapshot.percentileMillis(50)).isEqualTo(50.0);
        assertThat(snapshot.percentileMillis(95)).isEqualTo(95.0);
        assertThat(snapshot.percentileMillis(99)).isEqualTo(99.0);
        assertThat(snapshot.percentileMillis(100)).isEqualTo(100.0);
        assertThat(snapshot.maxMillis()).isEqualTo(100.0);
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        Latencies latencies = new Latencies();
        latencies.record(2_500_000L);

        assertThat(latencies.snapshot().percentileMillis(1)).isEqualTo(2.5);
        assertThat(latencies.snapshot().percentileMillis(99)).isEqualTo(2.5);
    }

    @Test
    void noSamplesHaveNoPercentiles() {
        assertThat(new Latencies().snapshot().percentileMillis(95)).isNaN();
        assertThat(new Latencies().snapshot().maxMillis()).isNaN();
    }

    @Test
    void growsPastItsFirstArray() {
        Latencies latencies = new Latencies();
        for (int i = 1; i <= 5_000; i++) {
            latencies.record(i);
        }

        assertThat(latencies.snapshot().count()).isEqualTo(5_000);
        assertThat(latencies.snapshot().sorted()[4_999]).isEqualTo(5_000);
    }
}
