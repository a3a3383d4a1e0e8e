package com.storecrm.analytics.backfill;

import com.storecrm.warehouse.ClickHouseHttp;
import java.util.List;
import org.springframework.stereotype.Component;

/** Pages of a tenant's current rows in ClickHouse ({@code FINAL}, not deleted) in id order. */
@Component
class WarehouseTableRows {

    private final ClickHouseHttp clickHouse;

    WarehouseTableRows(ClickHouseHttp clickHouse) {
        this.clickHouse = clickHouse;
    }

    List<TableRow> page(String tenant, WarehouseTable table, String afterId, int limit) {
        int columns = table.columns().size();
        return clickHouse.query(WarehouseStatements.currentRows(table, tenant, afterId, limit)).stream()
                .map(line -> TableRow.of(table, TabSeparated.fields(line, columns)))
                .toList();
    }
}
