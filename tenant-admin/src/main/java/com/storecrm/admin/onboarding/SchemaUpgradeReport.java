package com.storecrm.admin.onboarding;

import java.util.List;

/** What a schema upgrade across tenants did, tenant by tenant. */
public record SchemaUpgradeReport(String latestVersion, long upgraded, long upToDate, long failed,
                                  List<TenantUpgrade> tenants) {

    public enum Outcome { UPGRADED, UP_TO_DATE, FAILED }

    /** One tenant: the version before and after, and the error when it failed (the schema stays where it was). */
    public record TenantUpgrade(String slug, String fromVersion, String toVersion, Outcome outcome, String error) {
    }

    static SchemaUpgradeReport of(String latestVersion, List<TenantUpgrade> tenants) {
        return new SchemaUpgradeReport(latestVersion, count(tenants, Outcome.UPGRADED), count(tenants, Outcome.UP_TO_DATE),
                count(tenants, Outcome.FAILED), tenants);
    }

    private static long count(List<TenantUpgrade> tenants, Outcome outcome) {
        return tenants.stream().filter(t -> t.outcome() == outcome).count();
    }
}
