package com.storecrm.crm.leadimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.OlderTenantSchema;
import com.storecrm.devstack.PlatformDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The upgrade that moved an import's file into a table of its own and its progress into counters
 * (V18): an import made by the release before keeps its file, gets counters equal to its recorded
 * rows, and keeps the cells of its rejected rows for the report, on a real tenant schema.
 */
class LeadImportUpgradeIT {

    private static final PlatformDatabase DATABASE = PlatformDatabase.embedded();

    @Test
    void anImportOfTheReleaseBeforeKeepsItsFileItsCountsAndItsRejectedRowsCells() {
        UUID importId = UUID.randomUUID();
        UUID store = UUID.randomUUID();
        byte[] file = "name,phone\r\nAda,+86 135 0000 0001\r\n,+86 135 0000 0002\r\nBo,+86 135 0000 0003\r\n"
                .getBytes(StandardCharsets.UTF_8);
        try (OlderTenantSchema schema = OlderTenantSchema.at(DATABASE, "tenant_import_upgrade", "17")) {
            schema.inScope(sql -> {
                sql.sql("insert into lead_import (id, store_id, file_name, format, content, header, mapping, defaults,"
                                + " total_rows, status, created_at, updated_at) values (:id, :store, 'old.csv', 'CSV',"
                                + " :content, '[\"name\",\"phone\"]', '{}', '{}', 3, 'RUNNING', now(), now())")
                        .param("id", importId).param("store", store).param("content", file).update();
                for (Object[] row : List.of(new Object[] {2, "[\"Ada\",\"+86 135 0000 0001\"]", UUID.randomUUID(), null},
                        new Object[] {3, "[\"\",\"+86 135 0000 0002\"]", null, "name: must not be blank"})) {
                    sql.sql("insert into lead_import_row (import_id, row_number, store_id, cells, lead_id, reason)"
                                    + " values (:id, :n, :store, cast(:cells as jsonb), :lead, :reason)")
                            .param("id", importId).param("n", row[0]).param("store", store).param("cells", row[1])
                            .param("lead", row[2]).param("reason", row[3]).update();
                }
            });

            schema.upgrade();

            schema.inScope(sql -> {
                assertThat(sql.sql("select content from lead_import_file where import_id = :id").param("id", importId)
                        .query(byte[].class).single()).as("the file, moved").isEqualTo(file);
                assertThat(sql.sql("select count(*) from information_schema.columns where table_schema = :schema"
                        + " and table_name = 'lead_import' and column_name = 'content'").param("schema", schema.name())
                        .query(Long.class).single()).as("no second copy left behind").isZero();
                Map<String, Object> counters = sql.sql("select rows_read, rows_accepted, rows_rejected from lead_import"
                        + " where id = :id").param("id", importId).query().singleRow();
                assertThat(counters).containsEntry("rows_read", 2).containsEntry("rows_accepted", 1)
                        .containsEntry("rows_rejected", 1);
                assertThat(sql.sql("select row_number, cast(cells as text) from lead_import_row where import_id = :id"
                                + " order by row_number").param("id", importId)
                        .query((rs, n) -> rs.getInt(1) + ":" + rs.getString(2)).list())
                        .as("cells stay for the rejected-rows report only")
                        .containsExactly("2:null", "3:[\"\", \"+86 135 0000 0002\"]");
            });
        }
    }
}
