package com.storecrm.analytics.backfill;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Compares a tenant's tables in PostgreSQL with their current state in ClickHouse: both sides are
 * read in id order a page at a time and merged, so memory stays bounded by the page size whatever the
 * tenant's size. Rows are compared by a digest of the canonical values of the columns both sides
 * hold. While the pipeline applies changes the report can show the few rows in flight; run it again
 * to tell those from real differences.
 */
@Service
public class Reconciliation {

    private final OperatorTenants tenants;
    private final WarehouseTables tables;
    private final PostgresTableRows postgres;
    private final WarehouseTableRows warehouse;
    private final BackfillProperties properties;
    private final Clock clock = Clock.systemUTC();

    Reconciliation(OperatorTenants tenants, WarehouseTables tables, PostgresTableRows postgres,
                   WarehouseTableRows warehouse, BackfillProperties properties) {
        this.tenants = tenants;
        this.tables = tables;
        this.postgres = postgres;
        this.warehouse = warehouse;
        this.properties = properties;
    }

    public ReconciliationReport reconcile(String slug) {
        OperatedTenant tenant = tenants.require(slug);
        List<ReconciliationReport.TableReport> reports = new ArrayList<>();
        for (WarehouseTable table : tables.all()) {
            reports.add(compare(tenant, table));
        }
        return new ReconciliationReport(tenant.slug(), clock.instant(),
                reports.stream().mapToLong(ReconciliationReport.TableReport::differences).sum(), reports);
    }

    private ReconciliationReport.TableReport compare(OperatedTenant tenant, WarehouseTable table) {
        int page = properties.reconcilePage();
        PagedRows source = new PagedRows((after, limit) -> postgres.page(tenant.schema(), table, after, limit), page);
        PagedRows target = new PagedRows((after, limit) -> warehouse.page(tenant.slug(), table, after, limit), page);
        TableComparison comparison = new TableComparison(table, tenant.stores());
        TableRow left = source.hasNext() ? source.next() : null;
        TableRow right = target.hasNext() ? target.next() : null;
        while (left != null || right != null) {
            int order = left == null ? 1 : right == null ? -1 : left.id().compareTo(right.id());
            if (order < 0) {
                comparison.missing(left);
                left = source.hasNext() ? source.next() : null;
            } else if (order > 0) {
                comparison.extra(right);
                right = target.hasNext() ? target.next() : null;
            } else {
                comparison.both(left, right);
                left = source.hasNext() ? source.next() : null;
                right = target.hasNext() ? target.next() : null;
            }
        }
        return comparison.report();
    }
}
