package com.storecrm.analytics.backfill;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tallies the outcome of comparing one table row by row, per store, keeping a few sample ids of each kind. */
final class TableComparison {

    static final int SAMPLES = 10;

    private final WarehouseTable table;
    private final Map<String, StoreTally> stores = new LinkedHashMap<>();
    private final Map<String, String> storeNames = new LinkedHashMap<>();

    TableComparison(WarehouseTable table, List<OperatedTenant.Store> catalogStores) {
        this.table = table;
        for (OperatedTenant.Store store : catalogStores) {
            storeNames.put(store.id().toString(), store.name());
            stores.put(store.id().toString(), new StoreTally());
        }
    }

    void missing(TableRow postgres) {
        store(postgres.storeId()).postgres++;
        store(postgres.storeId()).missing.add(postgres.id());
    }

    void extra(TableRow warehouse) {
        store(warehouse.storeId()).warehouse++;
        store(warehouse.storeId()).extra.add(warehouse.id());
    }

    void both(TableRow postgres, TableRow warehouse) {
        store(postgres.storeId()).postgres++;
        store(warehouse.storeId()).warehouse++;
        if (!postgres.digest().equals(warehouse.digest())) {
            store(postgres.storeId()).different.add(postgres.id());
        }
    }

    ReconciliationReport.TableReport report() {
        List<ReconciliationReport.StoreReport> reports = new ArrayList<>();
        stores.forEach((id, tally) -> reports.add(new ReconciliationReport.StoreReport(id, storeNames.get(id),
                tally.postgres, tally.warehouse, tally.missing.result(), tally.extra.result(), tally.different.result())));
        return new ReconciliationReport.TableReport(table.name(),
                reports.stream().mapToLong(ReconciliationReport.StoreReport::postgresCount).sum(),
                reports.stream().mapToLong(ReconciliationReport.StoreReport::warehouseCount).sum(),
                reports.stream().mapToLong(ReconciliationReport.StoreReport::differences).sum(), reports);
    }

    private StoreTally store(String storeId) {
        return stores.computeIfAbsent(String.valueOf(storeId), id -> new StoreTally());
    }

    private static final class StoreTally {
        long postgres;
        long warehouse;
        final Sampled missing = new Sampled();
        final Sampled extra = new Sampled();
        final Sampled different = new Sampled();
    }

    private static final class Sampled {
        long count;
        final List<String> ids = new ArrayList<>();

        void add(String id) {
            count++;
            if (ids.size() < SAMPLES) {
                ids.add(id);
            }
        }

        ReconciliationReport.Differences result() {
            return new ReconciliationReport.Differences(count, ids);
        }
    }
}
