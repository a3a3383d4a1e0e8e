package com.storecrm.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.devstack.PlatformDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The slot monitor reads what PostgreSQL reports about the job's slot and flags a slot holding too much WAL. */
class ReplicationSlotMonitorIT {

    @Test
    void reportsRetainedWalAndFlagsItAboveTheThreshold(@TempDir Path checkpoints) {
        String slot = "storecrm_cdc_monitor_it";
        PlatformDatabase db = CdcTestSupport.database();
        JdbcClient owner = JdbcClient.create(db.ownerDataSource());
        TenantLeads leads = CdcTestSupport.tenant("slot_monitor");
        owner.sql("select pg_create_logical_replication_slot(:slot, 'pgoutput')").param("slot", slot).query().listOfRows();
        try (ReplicationSlotMonitor quiet = new ReplicationSlotMonitor(settings(slot, checkpoints, "1073741824"));
             ReplicationSlotMonitor strict = new ReplicationSlotMonitor(settings(slot, checkpoints, "1"))) {
            for (int i = 0; i < 20; i++) {
                leads.insert(leads.stores().get(i % 4), "WAL writer " + i, "PENDING");
            }
            quiet.refresh();
            strict.refresh();

            assertThat(quiet.retainedBytes()).as("WAL written since the slot was created").isPositive();
            // max_slot_wal_keep_size = 1GB bounds it (PostgreSQL counts from the start of the current segment)
            assertThat(quiet.safeBytes()).as("bytes until the slot would be invalidated").isPositive()
                    .isLessThan(1024L * 1024 * 1024 + 64L * 1024 * 1024);
            assertThat(quiet.walStatus()).isIn("reserved", "extended");
            assertThat(quiet.needsAttention()).as("well below a 1 GiB threshold").isFalse();
            assertThat(strict.needsAttention()).as("above a 1-byte threshold").isTrue();
        } finally {
            owner.sql("select pg_drop_replication_slot(:slot)").param("slot", slot).query().listOfRows();
        }
        try (ReplicationSlotMonitor gone = new ReplicationSlotMonitor(settings(slot, checkpoints, "1"))) {
            gone.refresh();
            assertThat(gone.walStatus()).isEqualTo("absent");
            assertThat(gone.retainedBytes()).isEqualTo(-1);
        }
    }

    private static CdcSettings settings(String slot, Path checkpoints, String warnBytes) {
        return CdcTestSupport.settings(slot, checkpoints, Map.of("CDC_SLOT_WAL_WARN_BYTES", warnBytes));
    }
}
