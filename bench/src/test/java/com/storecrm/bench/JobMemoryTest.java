package com.storecrm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class JobMemoryTest {

    @Test
    void peakHeapIsTheLargestUsedBeforeACollectionAndPausesAreSummed() {
        JobMemory.Gc gc = JobMemory.summarize(List.of(
                "[0.412s][info][gc] Using G1",
                "[1.512s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 4.567ms",
                "[2.100s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 180M->90M(300M) 10.5ms",
                "[2.300s][info][gc] GC(2) Concurrent Mark Cycle 25.000ms",
                "[2.310s][info][gc] GC(2) Pause Remark 95M->95M(300M) 1.0ms",
                "[9.000s][info][gc] GC(3) Pause Full (G1 Compaction Pause) 1G->200M(1024M) 100ms"));

        assertThat(gc.peakUsedMb()).isEqualTo(1024.0);
        assertThat(gc.peakCommittedMb()).isEqualTo(1024.0);
        assertThat(gc.pauses()).isEqualTo(4);
        assertThat(gc.pauseMillis()).isCloseTo(116.067, within(1e-9));
        assertThat(gc.maxPauseMillis()).isEqualTo(100.0);
    }

    @Test
    void kilobytesAreConvertedAndNoCollectionMeansNoFigure() {
        assertThat(JobMemory.summarize(List.of("GC(0) Pause Young (Normal) (G1 Evacuation Pause) 512K->256K(2048K) 0.5ms"))
                .peakUsedMb()).isEqualTo(0.5);
        JobMemory.Gc none = JobMemory.summarize(List.of("[0.4s][info][gc] Using G1"));
        assertThat(none.peakUsedMb()).isNaN();
        assertThat(none.pauses()).isZero();
    }

    @Test
    void readsResidentSetFieldsFromProcStatus() {
        String status = "Name:\tjava\nVmPeak:\t 4000000 kB\nVmHWM:\t  812344 kB\nVmRSS:\t  700001 kB\nThreads:\t80\n";

        assertThat(JobMemory.statusKb(status, "VmHWM")).isEqualTo(812_344);
        assertThat(JobMemory.statusKb(status, "VmRSS")).isEqualTo(700_001);
        assertThat(JobMemory.statusKb(status, "VmSwap")).isEqualTo(-1);
    }
}
