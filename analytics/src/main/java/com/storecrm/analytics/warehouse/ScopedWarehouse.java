package com.storecrm.analytics.warehouse;

import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import com.storecrm.warehouse.ClickHouseHttp;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Every warehouse query goes through here so that it carries the caller's tenant and stores.
 * ClickHouse 18.16 has no query parameters, so values are spliced in: the tenant slug matches
 * {@code [a-z][a-z0-9_]*} and store ids are parsed UUIDs, so neither can carry SQL.
 */
@Component
public class ScopedWarehouse {

    private final ClickHouseHttp clickHouse;

    ScopedWarehouse(ClickHouseHttp clickHouse) {
        this.clickHouse = clickHouse;
    }

    /** The caller's tenant and the stores they asked for, narrowed to those they may see. */
    public Scope scope(Collection<UUID> requestedStores) {
        TenantScope caller = TenantContext.require();
        Set<UUID> stores = new LinkedHashSet<>(caller.storeIds());
        if (requestedStores != null && !requestedStores.isEmpty()) {
            for (UUID requested : requestedStores) {
                if (!caller.canSeeStore(requested)) {
                    throw ApiProblem.invalidField("storeIds", "no such store");
                }
            }
            stores.retainAll(requestedStores);
        }
        return new Scope(caller.tenantSlug(), stores);
    }

    public List<String> query(String sql) {
        return clickHouse.query(sql);
    }

    public record Scope(String tenant, Set<UUID> stores) {

        /** {@code tenant = '...' AND store_id IN (...)}; no stores means no rows. */
        public String predicate() {
            String storeList = stores.isEmpty() ? "''"
                    : stores.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
            return "tenant = '" + tenant + "' AND store_id IN (" + storeList + ")";
        }
    }
}
