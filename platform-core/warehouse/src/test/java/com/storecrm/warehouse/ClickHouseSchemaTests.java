package com.storecrm.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The DDL applies on the real ClickHouse (Debian's 18.16 here), once, and yields working tables. */
class ClickHouseSchemaTests {

    private final ClickHouseHttp clickHouse = new ClickHouseHttp(LocalClickHouse.shared().url());

    @Test
    void appliesEveryMigrationOnceAndIsRepeatable() {
        ClickHouseSchema.migrate(clickHouse);
        ClickHouseSchema.migrate(clickHouse);

        assertThat(ClickHouseSchema.currentVersion(clickHouse)).isEqualTo(1);
        assertThat(clickHouse.query("SELECT count() FROM storecrm.schema_history WHERE version = 1")).containsExactly("1");
    }

    @Test
    void keepsTheLatestVersionOfARowAndHonoursDeletes() {
        ClickHouseSchema.migrate(clickHouse);
        clickHouse.insertJsonEachRow("storecrm.lead", java.util.List.of(
                row("t_keep", "L1", "PENDING", 10, 0), row("t_keep", "L1", "IN_PROGRESS", 20, 0),
                row("t_keep", "L1", "IN_PROGRESS", 20, 0), row("t_keep", "L2", "PENDING", 5, 0),
                row("t_keep", "L2", "PENDING", 30, 1)));

        assertThat(clickHouse.query("SELECT id, status FROM storecrm.lead FINAL WHERE tenant = 't_keep' AND deleted = 0 ORDER BY id"))
                .containsExactly("L1\tIN_PROGRESS");
    }

    @Test
    void everyMirroredTableCarriesTenantStoreVersionAndDeletedAndNoOtherTableDoes() {
        ClickHouseSchema.migrate(clickHouse);
        java.util.List<String> versioned = clickHouse.query("SELECT table FROM system.columns WHERE database = 'storecrm'"
                + " AND name IN ('tenant', 'store_id', 'version', 'deleted') GROUP BY table HAVING count() = 4 ORDER BY table");
        assertThat(versioned).as("tables mirroring a tenant table").containsExactlyInAnyOrderElementsOf(ClickHouseSchema.MIRRORED_TABLES);
    }

    @Test
    void splitsAFileIntoStatements() {
        assertThat(ClickHouseSchema.statements("-- comment\nCREATE A;\n\nCREATE B (x UInt8);\n")).containsExactly("CREATE A", "CREATE B (x UInt8)");
    }

    private static String row(String tenant, String id, String status, long version, int deleted) {
        return "{\"tenant\":\"" + tenant + "\",\"id\":\"" + id + "\",\"store_id\":\"S1\",\"name\":\"n\",\"status\":\"" + status
                + "\",\"created_at\":\"2026-11-24 10:00:00\",\"updated_at\":\"2026-11-24 10:00:00\",\"version\":" + version
                + ",\"deleted\":" + deleted + ",\"committed_at\":\"2026-11-24 10:00:00\",\"unknown_column\":1}";
    }
}
