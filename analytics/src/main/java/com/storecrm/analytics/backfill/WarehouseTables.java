package com.storecrm.analytics.backfill;

import static com.storecrm.analytics.backfill.WarehouseTable.Column.text;
import static com.storecrm.analytics.backfill.WarehouseTable.Column.timestamp;
import static com.storecrm.analytics.backfill.WarehouseTable.Column.uuid;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The operational tables the warehouse mirrors, in the order a backfill rebuilds them. Adding a
 * table to the pipeline means adding its description here: the backfill job gets a tombstone and a
 * copy step for it, and the reconciliation compares it.
 */
@Component
public class WarehouseTables {

    public static final WarehouseTable LEAD = WarehouseTable.of("lead",
            uuid("id"), uuid("store_id"), text("name"), text("company"), text("phone"), text("email"),
            text("source"), uuid("campaign_id"), uuid("pool_id"), text("status"), uuid("owner_id"),
            timestamp("created_at"), uuid("created_by"), timestamp("updated_at"), uuid("updated_by"));

    private final List<WarehouseTable> tables = List.of(LEAD);

    public List<WarehouseTable> all() {
        return tables;
    }

    public WarehouseTable named(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no warehouse table " + name));
    }
}
