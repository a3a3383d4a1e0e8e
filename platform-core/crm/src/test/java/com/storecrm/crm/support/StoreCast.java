package com.storecrm.crm.support;

import com.storecrm.devstack.TenantFixtures;
import com.storecrm.devstack.TokenMinter;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.catalog.ProvisionedTenant;
import java.util.List;
import java.util.UUID;

/**
 * One tenant whose store 1 has two reps and a store manager, store 2 a rep of its own, plus HQ, the
 * tenant administrator and finance; and a second tenant with an administrator, to show that nothing
 * crosses tenants. Users are known by id and by token.
 */
public final class StoreCast {

    public record User(UUID id, String bearer) {
    }

    public final ProvisionedTenant tenant;
    public final UUID store1;
    public final UUID store2;
    public final User rep;
    public final User otherRep;
    public final User repOfStore2;
    public final User manager;
    public final User hq;
    public final User admin;
    public final User finance;
    public final ProvisionedTenant otherTenant;
    public final UUID otherTenantStore;
    public final User otherTenantAdmin;

    public StoreCast(TenantFixtures fixtures, TokenMinter tokens, String slug) {
        tenant = fixtures.tenant(slug);
        store1 = tenant.stores().get(0).id();
        store2 = tenant.stores().get(1).id();
        rep = user(fixtures, tokens, tenant, "rep", PlatformRole.SALES_REP, List.of(store1));
        otherRep = user(fixtures, tokens, tenant, "other_rep", PlatformRole.SALES_REP, List.of(store1));
        repOfStore2 = user(fixtures, tokens, tenant, "rep_two", PlatformRole.SALES_REP, List.of(store2));
        manager = user(fixtures, tokens, tenant, "manager", PlatformRole.STORE_MANAGER, List.of(store1));
        hq = user(fixtures, tokens, tenant, "hq", PlatformRole.HQ_MANAGER, List.of());
        admin = new User(tenant.adminUserId(), tokens.forUser(tenant.slug(), tenant.adminUserId()).bearer());
        finance = user(fixtures, tokens, tenant, "finance", PlatformRole.FINANCE, List.of(store1));
        otherTenant = fixtures.tenant(slug + "_x");
        otherTenantStore = otherTenant.stores().get(0).id();
        otherTenantAdmin = new User(otherTenant.adminUserId(),
                tokens.forUser(otherTenant.slug(), otherTenant.adminUserId()).bearer());
    }

    private static User user(TenantFixtures fixtures, TokenMinter tokens, ProvisionedTenant tenant, String name,
                             PlatformRole role, List<UUID> stores) {
        UUID id = fixtures.user(tenant, name, role, stores);
        return new User(id, tokens.forUser(tenant.slug(), id).bearer());
    }
}
