package com.storecrm.analytics.backfill;

import com.storecrm.warehouse.ClickHouseHttp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a chunk of PostgreSQL rows to ClickHouse as the change-data-capture job would write a
 * change at the run's start position: version {@code startLsn}, not deleted, committed at the backfill
 * time. One insert per chunk; writing the same chunk again after a crash yields identical rows.
 */
class WarehouseRowWriter implements ItemWriter<TableRow> {

    private final ClickHouseHttp clickHouse;
    private final JsonMapper json;
    private final WarehouseTable table;
    private final BackfillRun run;

    WarehouseRowWriter(ClickHouseHttp clickHouse, JsonMapper json, WarehouseTable table, BackfillRun run) {
        this.clickHouse = clickHouse;
        this.json = json;
        this.table = table;
        this.run = run;
    }

    @Override
    public void write(Chunk<? extends TableRow> chunk) {
        List<String> rows = new ArrayList<>(chunk.size());
        for (TableRow row : chunk) {
            rows.add(json.writeValueAsString(toJson(row)));
        }
        clickHouse.insertJsonEachRow(WarehouseStatements.qualified(table), rows);
    }

    private ObjectNode toJson(TableRow row) {
        ObjectNode node = json.createObjectNode();
        node.put("tenant", run.tenant());
        for (int i = 0; i < table.columns().size(); i++) {
            String value = row.values().get(i);
            if (value == null) {
                node.putNull(table.columns().get(i).name());
            } else {
                node.put(table.columns().get(i).name(), value);
            }
        }
        node.put("version", run.startLsn());
        node.put("deleted", 0);
        node.put("committed_at", run.committedAt());
        return node;
    }
}
