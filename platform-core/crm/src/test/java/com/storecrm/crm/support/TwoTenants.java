package com.storecrm.crm.support;

import static com.storecrm.tenancy.PlatformRole.FINANCE;
import static com.storecrm.tenancy.PlatformRole.HQ_MANAGER;
import static com.storecrm.tenancy.PlatformRole.SALES_REP;
import static com.storecrm.tenancy.PlatformRole.STORE_MANAGER;
import static com.storecrm.tenancy.PlatformRole.TENANT_ADMIN;

import com.storecrm.devstack.TenantFixtures;
import com.storecrm.devstack.TokenMinter;
import com.storecrm.tenancy.catalog.ProvisionedTenant;
import java.util.List;
import java.util.UUID;

/**
 * Two tenants with four stores each and a user of every kind: the cast of the isolation tests.
 * Tenant A: rep1 works in store 1, rep2 in store 2, the manager in stores 1 and 2, HQ and the
 * tenant admin see all four, finance works in store 1 but may not touch leads.
 */
public final class TwoTenants {

    public final ProvisionedTenant a;
    public final ProvisionedTenant b;
    public final UUID a1;
    public final UUID a2;
    public final UUID a3;
    public final UUID b1;
    public final String rep1;
    public final String rep2;
    public final String manager;
    public final String hq;
    public final String admin;
    public final String finance;
    public final String repB;
    public final String adminB;

    public TwoTenants(TenantFixtures fixtures, TokenMinter tokens, String prefix) {
        a = fixtures.tenant(prefix + "_a");
        b = fixtures.tenant(prefix + "_b");
        List<ProvisionedTenant.Store> storesA = a.stores();
        a1 = storesA.get(0).id();
        a2 = storesA.get(1).id();
        a3 = storesA.get(2).id();
        b1 = b.stores().get(0).id();
        rep1 = token(tokens, a, fixtures.user(a, "rep1", SALES_REP, List.of(a1)));
        rep2 = token(tokens, a, fixtures.user(a, "rep2", SALES_REP, List.of(a2)));
        manager = token(tokens, a, fixtures.user(a, "manager", STORE_MANAGER, List.of(a1, a2)));
        hq = token(tokens, a, fixtures.user(a, "hq", HQ_MANAGER, List.of()));
        admin = token(tokens, a, a.adminUserId());
        finance = token(tokens, a, fixtures.user(a, "finance", FINANCE, List.of(a1)));
        repB = token(tokens, b, fixtures.user(b, "rep1", SALES_REP, List.of(b1)));
        adminB = token(tokens, b, fixtures.user(b, "boss", TENANT_ADMIN, List.of()));
    }

    private static String token(TokenMinter tokens, ProvisionedTenant tenant, UUID user) {
        return tokens.forUser(tenant.slug(), user).bearer();
    }
}
