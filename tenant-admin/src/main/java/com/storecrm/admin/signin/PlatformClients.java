package com.storecrm.admin.signin;

/** Well-known client ids and the scopes they carry. */
public final class PlatformClients {

    public static final String OPERATOR = "platform-operator";
    public static final String OPERATOR_SCOPE = "platform.admin";
    public static final String WEB = "storecrm-web";
    /** Audiences of a tenant user's token: every service that serves tenant data. */
    public static final java.util.List<String> TENANT_AUDIENCE = java.util.List.of("crm", "analytics", "tenant-admin");
    /** Audiences of an operator's token: the services with an operator API (onboarding; backfill and reconciliation). */
    public static final java.util.List<String> OPERATOR_AUDIENCE = java.util.List.of("tenant-admin", "analytics");
    public static final java.util.Set<String> TENANT_SCOPES = java.util.Set.of("crm", "analytics", "tenant");

    private PlatformClients() {
    }
}
