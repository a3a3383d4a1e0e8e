package com.storecrm.analytics.kanban;

import com.storecrm.analytics.warehouse.ScopedWarehouse;
import com.storecrm.tenancy.TenantContext;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The SQL of each Kanban figure, in one place (ARCHITECTURE: one definition per metric). */
@Service
public class KanbanQueries {

    private final ScopedWarehouse warehouse;

    KanbanQueries(ScopedWarehouse warehouse) {
        this.warehouse = warehouse;
    }

    public Freshness freshness() {
        String tenant = TenantContext.require().tenantSlug();
        List<String> rows = warehouse.query("SELECT toString(last_commit_at), lag_ms FROM storecrm.cdc_progress FINAL"
                + " WHERE tenant = '" + tenant + "'");
        if (rows.isEmpty()) {
            return new Freshness(null, null);
        }
        String[] columns = rows.get(0).split("\t");
        return new Freshness(LocalDateTime.parse(columns[0].replace(' ', 'T')).toInstant(ZoneOffset.UTC),
                Long.parseLong(columns[1]));
    }

    /** Leads by store and status, current state: latest version per lead, deleted ones excluded. */
    public List<LeadCount> leadsByStoreAndStatus(Collection<UUID> storeIds) {
        ScopedWarehouse.Scope scope = warehouse.scope(storeIds);
        return warehouse.query("SELECT store_id, status, count() FROM storecrm.lead FINAL WHERE " + scope.predicate()
                        + " AND deleted = 0 GROUP BY store_id, status ORDER BY store_id, status").stream()
                .map(row -> row.split("\t"))
                .map(c -> new LeadCount(UUID.fromString(c[0]), c[1], Long.parseLong(c[2])))
                .toList();
    }
}
