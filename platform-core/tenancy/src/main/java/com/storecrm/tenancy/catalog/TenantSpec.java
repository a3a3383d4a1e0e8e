package com.storecrm.tenancy.catalog;

import java.util.List;

/** Everything needed to provision a tenant; the admin's password arrives already hashed. */
public record TenantSpec(TenantSlug slug, String name, String currency, List<Subsidiary> subsidiaries,
                         Admin admin, String fingerprint) {

    public TenantSpec {
        subsidiaries = List.copyOf(subsidiaries);
    }

    public record Subsidiary(String name, List<Store> stores) {
        public Subsidiary {
            stores = List.copyOf(stores);
        }
    }

    public record Store(String name, String platform) {
    }

    public record Admin(String username, String displayName, String passwordHash) {
    }
}
