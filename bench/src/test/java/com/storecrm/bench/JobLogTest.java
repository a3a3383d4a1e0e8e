package com.storecrm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobLogTest {

    private static final String LOG = """
            Picked up something
            15:29:40.120 INFO  [main] c.storecrm.ingestion.CdcJob - starting storecrm-cdc with CdcSettings[db=jdbc:postgresql://localhost:5/postgres poll=PT0.025S local=true]
            15:29:48.731 INFO  [main] c.storecrm.ingestion.CdcJob - storecrm-cdc is running as job 1234
            """;

    @Test
    void theTimeOfALineIsItsTimeOfDayOnTheDayItWasRead() {
        assertThat(JobLog.timeOf(LOG, "storecrm-cdc is running", Instant.parse("2026-11-24T15:29:49Z")))
                .contains(Instant.parse("2026-11-24T15:29:48.731Z"));
    }

    @Test
    void aLineFromBeforeMidnightReadAfterItBelongsToThePreviousDay() {
        String log = "23:59:59.500 INFO  [main] c.s.i.CdcJob - storecrm-cdc is running as job 1\n";

        assertThat(JobLog.timeOf(log, "storecrm-cdc is running", Instant.parse("2026-11-25T00:00:01Z")))
                .contains(Instant.parse("2026-11-24T23:59:59.500Z"));
    }

    @Test
    void noLineOrNoTimeMeansNoAnswer() {
        Instant now = Instant.parse("2026-11-24T15:30:00Z");
        assertThat(JobLog.timeOf(LOG, "never logged", now)).isEmpty();
        assertThat(JobLog.timeOf("storecrm-cdc is running\n", "storecrm-cdc is running", now)).isEmpty();
    }

    @Test
    void theSettingsAreTakenFromTheStartLine() {
        assertThat(JobLog.settings(LOG))
                .contains("CdcSettings[db=jdbc:postgresql://localhost:5/postgres poll=PT0.025S local=true]");
        assertThat(JobLog.settings("nothing")).isEmpty();
    }
}
