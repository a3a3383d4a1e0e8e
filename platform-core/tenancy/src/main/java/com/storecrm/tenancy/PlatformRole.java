package com.storecrm.tenancy;

/** Roles a tenant user can hold; names are part of the public API contract. */
public enum PlatformRole {
    TENANT_ADMIN, HQ_MANAGER, STORE_MANAGER, SALES_REP, FINANCE, SHIPPING, MARKETING;

    /** HQ managers and tenant administrators see every store of their tenant (SPEC §2). */
    public boolean seesAllStores() {
        return this == TENANT_ADMIN || this == HQ_MANAGER;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
