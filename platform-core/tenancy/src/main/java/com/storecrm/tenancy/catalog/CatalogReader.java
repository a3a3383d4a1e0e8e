package com.storecrm.tenancy.catalog;

import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.TenantScope;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Read side of the catalog, usable by the unprivileged application role. Roles and stores are read
 * on every request so that a suspension or a membership change takes effect at once.
 */
public class CatalogReader {

    private static final String PRINCIPAL_SQL = """
            select u.id, u.username, u.enabled, t.id as tenant_id, t.slug, t.schema_name, t.status,
                   array(select r.role from public.user_role r where r.user_id = u.id) as roles,
                   case when exists (select 1 from public.user_role r
                                     where r.user_id = u.id and r.role in ('TENANT_ADMIN', 'HQ_MANAGER'))
                        then array(select s.id from public.store s where s.tenant_id = t.id)
                        else array(select us.store_id from public.user_store us where us.user_id = u.id)
                   end as store_ids
            from public.app_user u
            join public.tenant t on t.id = u.tenant_id
            where u.id = :userId
            """;

    private final JdbcClient jdbc;

    public CatalogReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ResolvedPrincipal> principal(UUID userId) {
        return jdbc.sql(PRINCIPAL_SQL).param("userId", userId).query((rs, n) -> {
            Set<PlatformRole> roles = Arrays.stream(strings(rs.getArray("roles")))
                    .map(PlatformRole::valueOf).collect(Collectors.toUnmodifiableSet());
            Set<UUID> stores = Arrays.stream(strings(rs.getArray("store_ids")))
                    .map(UUID::fromString).collect(Collectors.toCollection(LinkedHashSet::new));
            TenantScope scope = new TenantScope(rs.getObject("tenant_id", UUID.class), rs.getString("slug"),
                    rs.getString("schema_name"), rs.getObject("id", UUID.class), rs.getString("username"), roles,
                    stores, roles.stream().anyMatch(PlatformRole::seesAllStores));
            return new ResolvedPrincipal(scope, TenantStatus.valueOf(rs.getString("status")),
                    rs.getBoolean("enabled"));
        }).optional();
    }

    public Optional<TenantStatus> tenantStatus(String slug) {
        return jdbc.sql("select status from public.tenant where slug = :slug").param("slug", slug)
                .query(String.class).optional().map(TenantStatus::valueOf);
    }

    /** A platform-job scope for every active tenant, for schedulers that work tenant by tenant. */
    public java.util.List<TenantScope> activeTenantJobScopes() {
        return jdbc.sql("select id, slug, schema_name from public.tenant where status = 'ACTIVE' order by slug")
                .query((rs, n) -> TenantScope.platformJob(rs.getObject("id", UUID.class), rs.getString("slug"),
                        rs.getString("schema_name")))
                .list();
    }

    /** The user an API client acts as, when the client belongs to a tenant. */
    public Optional<UUID> userOfApiClient(String clientId) {
        return jdbc.sql("select user_id from public.api_client where client_id = :clientId")
                .param("clientId", clientId).query(UUID.class).optional();
    }

    /** The stores among {@code storeIds} that belong to the tenant, in catalog order. */
    public java.util.List<StoreInfo> stores(UUID tenantId, java.util.Collection<UUID> storeIds) {
        if (storeIds.isEmpty()) {
            return java.util.List.of();
        }
        return jdbc.sql("""
                select s.id, s.name, s.platform, sub.id as subsidiary_id, sub.name as subsidiary
                from public.store s join public.subsidiary sub on sub.id = s.subsidiary_id
                where s.tenant_id = :tenant and s.id in (:ids) order by s.position""")
                .param("tenant", tenantId).param("ids", storeIds)
                .query((rs, n) -> new StoreInfo(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("platform"), rs.getObject("subsidiary_id", UUID.class), rs.getString("subsidiary")))
                .list();
    }

    public record StoreInfo(UUID id, String name, String platform, UUID subsidiaryId, String subsidiary) {
    }

    private static String[] strings(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(String::valueOf).toArray(String[]::new);
    }
}
