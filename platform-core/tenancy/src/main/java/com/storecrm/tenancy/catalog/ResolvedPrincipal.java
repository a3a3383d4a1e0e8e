package com.storecrm.tenancy.catalog;

import com.storecrm.tenancy.TenantScope;

/** A user as the catalog knows them now: their scope plus what decides whether they may act at all. */
public record ResolvedPrincipal(TenantScope scope, TenantStatus tenantStatus, boolean userEnabled) {

    public boolean mayAct() {
        return userEnabled && tenantStatus == TenantStatus.ACTIVE;
    }
}
