package com.storecrm.devstack;

import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.catalog.ProvisionedTenant;
import com.storecrm.tenancy.catalog.ProvisioningProbe;
import com.storecrm.tenancy.catalog.TenantProvisioning;
import com.storecrm.tenancy.catalog.TenantSchemaMigrations;
import com.storecrm.tenancy.catalog.TenantSlug;
import com.storecrm.tenancy.catalog.TenantSpec;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Provisions tenants and users straight through the tenancy kernel, for tests of the services. */
public final class TenantFixtures {

    private final PlatformDatabase database;
    private final TenantProvisioning provisioning;
    private final JdbcClient owner;

    public TenantFixtures(PlatformDatabase database) {
        this.database = database;
        this.provisioning = new TenantProvisioning(database.ownerDataSource(),
                new TenantSchemaMigrations(database.ownerDataSource(), database.appUser()), ProvisioningProbe.NONE);
        this.owner = JdbcClient.create(database.ownerDataSource());
    }

    /** A tenant with two subsidiaries of two stores each (first store of each on Tmall and JD...). */
    public ProvisionedTenant tenant(String slug) {
        return provisioning.find(slug).orElseGet(() -> provisioning.provision(new TenantSpec(new TenantSlug(slug),
                slug + " Co.", "CNY",
                List.of(new TenantSpec.Subsidiary("North", List.of(new TenantSpec.Store("North Tmall", "TMALL"),
                                new TenantSpec.Store("North JD", "JD"))),
                        new TenantSpec.Subsidiary("South", List.of(new TenantSpec.Store("South 1688", "ALIBABA_1688"),
                                new TenantSpec.Store("South WeChat", "WECHAT")))),
                new TenantSpec.Admin("admin", "Admin of " + slug, "{noop}admin"), "fixture"), List.of()));
    }

    public UUID user(ProvisionedTenant tenant, String username, PlatformRole role, Collection<UUID> stores) {
        UUID id = UUID.randomUUID();
        owner.sql("""
                insert into public.app_user (id, tenant_id, username, display_name, password_hash)
                values (:id, :tenant, :username, :username, '{noop}secret')""")
                .param("id", id).param("tenant", tenant.id()).param("username", username).update();
        owner.sql("insert into public.user_role (user_id, role) values (:id, :role)")
                .param("id", id).param("role", role.name()).update();
        for (UUID store : stores) {
            owner.sql("insert into public.user_store (user_id, store_id) values (:id, :store)")
                    .param("id", id).param("store", store).update();
        }
        return id;
    }

    /** Gives a user a superior, as tenant-admin's user administration does. */
    public void superior(UUID user, UUID superior) {
        owner.sql("update public.app_user set superior_id = :superior where id = :id")
                .param("superior", superior).param("id", user).update();
    }

    public void suspend(ProvisionedTenant tenant, boolean suspended) {
        owner.sql("update public.tenant set status = :status where id = :id")
                .param("status", suspended ? "SUSPENDED" : "ACTIVE").param("id", tenant.id()).update();
    }

    public PlatformDatabase database() {
        return database;
    }
}
