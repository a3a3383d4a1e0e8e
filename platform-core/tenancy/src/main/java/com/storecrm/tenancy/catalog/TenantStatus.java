package com.storecrm.tenancy.catalog;

public enum TenantStatus {
    /** Being onboarded; invisible to users until every step succeeded. */
    PROVISIONING,
    ACTIVE,
    /** Its users' tokens and logins are refused. */
    SUSPENDED
}
