package com.storecrm.analytics.backfill;

import java.util.List;
import java.util.UUID;

/** A tenant as the operator tools see it: its schema and its stores, in catalog order. */
public record OperatedTenant(UUID id, String slug, String schema, String status, List<Store> stores) {

    public OperatedTenant {
        stores = List.copyOf(stores);
    }

    public record Store(UUID id, String name) {
    }
}
