package com.storecrm.tenancy;

/** Lets the framework code of this library bind the scope for a request without exposing setters to features. */
public final class TenantContextAccess {

    private TenantContextAccess() {
    }

    public static void bind(TenantScope scope) {
        TenantContext.set(scope);
    }

    public static void unbind() {
        TenantContext.clear();
    }
}
