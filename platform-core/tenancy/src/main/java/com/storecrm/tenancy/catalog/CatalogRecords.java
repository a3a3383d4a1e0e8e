package com.storecrm.tenancy.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Catalog rows of one tenant: written at onboarding, read back for the operator API. */
class CatalogRecords {

    private final JdbcClient jdbc;

    CatalogRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ProvisionedTenant insert(TenantSpec spec) {
        UUID tenantId = UUID.randomUUID();
        String slug = spec.slug().value();
        jdbc.sql("""
                insert into public.tenant (id, slug, name, currency, schema_name, status, request_fingerprint)
                values (:id, :slug, :name, :currency, :schema, 'PROVISIONING', :fingerprint)""")
                .param("id", tenantId).param("slug", slug).param("name", spec.name())
                .param("currency", spec.currency()).param("schema", spec.slug().schema())
                .param("fingerprint", spec.fingerprint()).update();
        List<ProvisionedTenant.Subsidiary> subsidiaries = new ArrayList<>();
        int storePosition = 0;
        for (int s = 0; s < spec.subsidiaries().size(); s++) {
            TenantSpec.Subsidiary sub = spec.subsidiaries().get(s);
            UUID subId = UUID.randomUUID();
            jdbc.sql("insert into public.subsidiary (id, tenant_id, name, position) values (:id, :tenant, :name, :pos)")
                    .param("id", subId).param("tenant", tenantId).param("name", sub.name()).param("pos", s).update();
            List<ProvisionedTenant.Store> stores = new ArrayList<>();
            for (TenantSpec.Store store : sub.stores()) {
                UUID storeId = UUID.randomUUID();
                jdbc.sql("""
                        insert into public.store (id, tenant_id, subsidiary_id, name, platform, position)
                        values (:id, :tenant, :sub, :name, :platform, :pos)""")
                        .param("id", storeId).param("tenant", tenantId).param("sub", subId)
                        .param("name", store.name()).param("platform", store.platform())
                        .param("pos", storePosition++).update();
                stores.add(new ProvisionedTenant.Store(storeId, store.name(), store.platform()));
            }
            subsidiaries.add(new ProvisionedTenant.Subsidiary(subId, sub.name(), stores));
        }
        UUID adminId = UUID.randomUUID();
        jdbc.sql("""
                insert into public.app_user (id, tenant_id, username, display_name, password_hash)
                values (:id, :tenant, :username, :display, :hash)""")
                .param("id", adminId).param("tenant", tenantId).param("username", spec.admin().username())
                .param("display", spec.admin().displayName()).param("hash", spec.admin().passwordHash()).update();
        jdbc.sql("insert into public.user_role (user_id, role) values (:id, 'TENANT_ADMIN')").param("id", adminId).update();
        return new ProvisionedTenant(tenantId, slug, spec.name(), spec.currency(), spec.slug().schema(),
                TenantStatus.PROVISIONING, subsidiaries, adminId);
    }

    Optional<ProvisionedTenant> find(String slug) {
        return jdbc.sql("""
                select t.id, t.slug, t.name, t.currency, t.schema_name, t.status,
                       (select u.id from public.app_user u join public.user_role r on r.user_id = u.id
                        where u.tenant_id = t.id and r.role = 'TENANT_ADMIN' order by u.created_at limit 1) as admin_id
                from public.tenant t where t.slug = :slug""")
                .param("slug", slug)
                .query((rs, n) -> new ProvisionedTenant(rs.getObject("id", UUID.class), rs.getString("slug"),
                        rs.getString("name"), rs.getString("currency"), rs.getString("schema_name"),
                        TenantStatus.valueOf(rs.getString("status")), subsidiariesOf(rs.getObject("id", UUID.class)),
                        rs.getObject("admin_id", UUID.class)))
                .optional();
    }

    void setStatus(UUID tenantId, TenantStatus status) {
        jdbc.sql("update public.tenant set status = :status, updated_at = now() where id = :id")
                .param("status", status.name()).param("id", tenantId).update();
    }

    void delete(UUID tenantId) {
        // Users reference their superiors; clear those links so the cascade can remove every user.
        jdbc.sql("update public.app_user set superior_id = null where tenant_id = :id").param("id", tenantId).update();
        jdbc.sql("delete from public.tenant where id = :id").param("id", tenantId).update();
    }

    private List<ProvisionedTenant.Subsidiary> subsidiariesOf(UUID tenantId) {
        Map<UUID, String> names = new LinkedHashMap<>();
        Map<UUID, List<ProvisionedTenant.Store>> stores = new LinkedHashMap<>();
        jdbc.sql("""
                select sub.id as sub_id, sub.name as sub_name, st.id as store_id, st.name as store_name, st.platform
                from public.subsidiary sub left join public.store st on st.subsidiary_id = sub.id
                where sub.tenant_id = :tenant order by sub.position, st.position""")
                .param("tenant", tenantId)
                .query(rs -> {
                    UUID subId = rs.getObject("sub_id", UUID.class);
                    names.put(subId, rs.getString("sub_name"));
                    List<ProvisionedTenant.Store> list = stores.computeIfAbsent(subId, k -> new ArrayList<>());
                    UUID storeId = rs.getObject("store_id", UUID.class);
                    if (storeId != null) {
                        list.add(new ProvisionedTenant.Store(storeId, rs.getString("store_name"), rs.getString("platform")));
                    }
                });
        return names.entrySet().stream()
                .map(e -> new ProvisionedTenant.Subsidiary(e.getKey(), e.getValue(), stores.get(e.getKey())))
                .toList();
    }
}
