package com.storecrm.tenancy;

import java.util.Set;
import java.util.UUID;

/**
 * Who is acting and on which data: the tenant (and its schema), the user, the user's roles and the
 * stores whose records the user may see. Resolved from the platform catalog, never from client input.
 */
public record TenantScope(UUID tenantId, String tenantSlug, String schema, UUID userId, String username,
                          Set<PlatformRole> roles, Set<UUID> storeIds, boolean allStores) {

    /** The acting user of platform jobs (schedulers), recorded as author of what a job changes. */
    public static final UUID PLATFORM_JOB_USER = new UUID(0L, 0L);

    public TenantScope {
        roles = Set.copyOf(roles);
        storeIds = Set.copyOf(storeIds);
    }

    /**
     * The scope a platform job (a scheduler, never a person) works in for one tenant: every store of
     * the tenant, no role, so no user-facing permission check ever passes on it.
     */
    public static TenantScope platformJob(UUID tenantId, String tenantSlug, String schema) {
        return new TenantScope(tenantId, tenantSlug, schema, PLATFORM_JOB_USER, "platform-job", Set.of(), Set.of(), true);
    }

    public boolean has(PlatformRole role) {
        return roles.contains(role);
    }

    public boolean canSeeStore(UUID storeId) {
        return storeId != null && storeIds.contains(storeId);
    }
}
