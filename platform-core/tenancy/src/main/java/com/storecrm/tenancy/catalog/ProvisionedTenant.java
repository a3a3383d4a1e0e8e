package com.storecrm.tenancy.catalog;

import java.util.List;
import java.util.UUID;

/** A tenant as recorded in the catalog, with the ids given to its subsidiaries and stores. */
public record ProvisionedTenant(UUID id, String slug, String name, String currency, String schema,
                                TenantStatus status, List<Subsidiary> subsidiaries, UUID adminUserId) {

    public ProvisionedTenant {
        subsidiaries = List.copyOf(subsidiaries);
    }

    public record Subsidiary(UUID id, String name, List<Store> stores) {
        public Subsidiary {
            stores = List.copyOf(stores);
        }
    }

    public record Store(UUID id, String name, String platform) {
    }

    public List<Store> stores() {
        return subsidiaries.stream().flatMap(s -> s.stores().stream()).toList();
    }

    public ProvisionedTenant withStatus(TenantStatus newStatus) {
        return new ProvisionedTenant(id, slug, name, currency, schema, newStatus, subsidiaries, adminUserId);
    }
}
