package com.storecrm.tenancy;

import java.util.Set;
import java.util.UUID;

/**
 * Who is acting and on which data: the tenant (and its schema), the user, the user's roles and the
 * stores whose records the user may see. Resolved from the platform catalog, never from client input.
 */
public record TenantScope(UUID tenantId, String tenantSlug, String schema, UUID userId, String username,
                          Set<PlatformRole> roles, Set<UUID> storeIds, boolean allStores) {

    public TenantScope {
        roles = Set.copyOf(roles);
        storeIds = Set.copyOf(storeIds);
    }

    public boolean has(PlatformRole role) {
        return roles.contains(role);
    }

    public boolean canSeeStore(UUID storeId) {
        return storeId != null && storeIds.contains(storeId);
    }
}
