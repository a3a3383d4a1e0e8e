package com.storecrm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuMeterTest {

    @Test
    void sharesAreCpuTimeOverWallTimeAndTheRestOfTheMachineIsWhatIsLeft() {
        CpuMeter.Sample from = new CpuMeter.Sample(0, Map.of("crm", 1_000_000_000L, "load generator", 0L), 1_000, 10_000);
        CpuMeter.Sample to = new CpuMeter.Sample(2_000_000_000L, Map.of("crm", 3_000_000_000L, "load generator", 500_000_000L),
                1_900, 11_000);

        Map<String, Double> cores = CpuMeter.coresBetween(from, to, 2);

        assertThat(cores.get("crm")).isCloseTo(1.0, within(1e-9));
        assertThat(cores.get("load generator")).isCloseTo(0.25, within(1e-9));
        assertThat(cores.get(CpuMeter.OTHER)).isCloseTo(0.55, within(1e-9));
    }

    @Test
    void withoutMachineFiguresOnlyTheMeasuredPartsAreShown() {
        CpuMeter.Sample from = new CpuMeter.Sample(0, Map.of("crm", 0L), 0, 0);
        CpuMeter.Sample to = new CpuMeter.Sample(1_000_000_000L, Map.of("crm", 500_000_000L), 0, 0);

        assertThat(CpuMeter.coresBetween(from, to, 2)).containsOnlyKeys("crm");
    }

    @Test
    void samplesThisProcess() {
        CpuMeter.Sample sample = new CpuMeter(Map.of(), java.nio.file.Path.of("no-such-postmaster.pid")).sample();

        assertThat(sample.cpuNanos()).containsKeys(CpuMeter.GENERATOR, CpuMeter.POSTGRES);
        assertThat(sample.cpuNanos().get(CpuMeter.GENERATOR)).isPositive();
        assertThat(sample.cpuNanos().get(CpuMeter.POSTGRES)).isZero();
    }

    @Test
    void aChildIsRecognisedByAnArgumentThatIsOrEndsWithItsPath() {
        assertThat(CpuMeter.names(new String[] {"java", "-cp", "/a/storecrm-cdc.jar", "Main"}, "/a/storecrm-cdc.jar")).isTrue();
        assertThat(CpuMeter.names(new String[] {"clickhouse-server", "--config-file=/s/ch/config.xml"}, "/s/ch/config.xml")).isTrue();
        assertThat(CpuMeter.names(new String[] {"java", "-jar", "/a/crm.jar"}, "/a/storecrm-cdc.jar")).isFalse();
        assertThat(CpuMeter.names(new String[] {"java", "-jar", "/b/a/crm.jar"}, "/a/crm.jar")).isFalse();
    }
}
