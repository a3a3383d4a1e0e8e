package com.storecrm.admin.identity;

import com.storecrm.admin.signin.ApiClients;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import com.storecrm.tenancy.web.PageResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and API clients of the caller's tenant; only its tenant administrators may change them. */
@Service
public class TenantIdentity {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final ApiClients apiClients;

    TenantIdentity(JdbcClient jdbc, PasswordEncoder passwords, ApiClients apiClients) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.apiClients = apiClients;
    }

    @Transactional
    public UUID createUser(NewUser request) {
        TenantScope admin = requireTenantAdmin();
        List<UUID> stores = request.storeIdsOrEmpty();
        Set<UUID> tenantStores = new HashSet<>(jdbc.sql("select id from public.store where tenant_id = :tenant")
                .param("tenant", admin.tenantId()).query(UUID.class).list());
        for (int i = 0; i < stores.size(); i++) {
            if (!tenantStores.contains(stores.get(i))) {
                throw ApiProblem.invalidField("storeIds[" + i + "]", "no such store");
            }
        }
        if (stores.isEmpty() && request.roles().stream().noneMatch(PlatformRole::seesAllStores)) {
            throw ApiProblem.invalidField("storeIds", "at least one store is required for roles limited to stores");
        }
        if (request.superiorId() != null && !userOfTenant(admin, request.superiorId())) {
            throw ApiProblem.invalidField("superiorId", "no such user");
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into public.app_user (id, tenant_id, username, display_name, password_hash, superior_id)
                    values (:id, :tenant, :username, :display, :hash, :superior)""")
                    .param("id", id).param("tenant", admin.tenantId()).param("username", request.username())
                    .param("display", request.displayName()).param("hash", passwords.encode(request.password()))
                    .param("superior", request.superiorId()).update();
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("username '" + request.username() + "' is taken in this tenant");
        }
        for (PlatformRole role : new HashSet<>(request.roles())) {
            jdbc.sql("insert into public.user_role (user_id, role) values (:id, :role)")
                    .param("id", id).param("role", role.name()).update();
        }
        for (UUID store : new HashSet<>(stores)) {
            jdbc.sql("insert into public.user_store (user_id, store_id) values (:id, :store)")
                    .param("id", id).param("store", store).update();
        }
        return id;
    }

    /**
     * Gives a user another superior (or none). The superior chain decides who sees whose records
     * (SPEC §3.1), so a change that would make the user their own superior, directly or through
     * others, is refused naming {@code superiorId}.
     */
    @Transactional
    public void changeSuperior(UUID userId, SuperiorChange request) {
        TenantScope admin = requireTenantAdmin();
        if (!userOfTenant(admin, userId)) {
            throw ApiProblem.notFound("user");
        }
        UUID superior = request.superiorId();
        if (superior != null) {
            if (!userOfTenant(admin, superior)) {
                throw ApiProblem.invalidField("superiorId", "no such user");
            }
            boolean cycle = jdbc.sql("""
                    with recursive chain(id) as (
                        select cast(:superior as uuid)
                        union
                        select u.superior_id from public.app_user u join chain c on u.id = c.id
                        where u.superior_id is not null and u.tenant_id = :tenant)
                    select exists (select 1 from chain where id = :user)""")
                    .param("superior", superior).param("tenant", admin.tenantId()).param("user", userId)
                    .query(Boolean.class).single();
            if (cycle) {
                throw ApiProblem.invalidField("superiorId", "the user would become their own superior");
            }
        }
        jdbc.sql("update public.app_user set superior_id = :superior where id = :id and tenant_id = :tenant")
                .param("superior", superior).param("id", userId).param("tenant", admin.tenantId()).update();
    }

    public PageResponse<UserView> users(int page, int size) {
        TenantScope admin = requireTenantAdmin();
        long total = jdbc.sql("select count(*) from public.app_user where tenant_id = :tenant")
                .param("tenant", admin.tenantId()).query(Long.class).single();
        List<UserView> content = jdbc.sql("""
                select u.id, u.username, u.display_name, u.enabled, u.superior_id,
                       array(select r.role from public.user_role r where r.user_id = u.id order by r.role) as roles,
                       array(select s.store_id from public.user_store s where s.user_id = u.id) as stores
                from public.app_user u where u.tenant_id = :tenant order by u.username limit :size offset :offset""")
                .param("tenant", admin.tenantId()).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new UserView(rs.getObject("id", UUID.class), rs.getString("username"),
                        rs.getString("display_name"), rs.getBoolean("enabled"),
                        List.of((String[]) rs.getArray("roles").getArray()),
                        List.of((UUID[]) rs.getArray("stores").getArray()), rs.getObject("superior_id", UUID.class)))
                .list();
        return new PageResponse<>(content, page, size, total);
    }

    public ApiClients.IssuedClient issueApiClient(NewApiClient request) {
        TenantScope admin = requireTenantAdmin();
        if (!userOfTenant(admin, request.userId())) {
            throw ApiProblem.notFound("user");
        }
        return apiClients.issue(admin.tenantId(), admin.tenantSlug(), request.userId());
    }

    private boolean userOfTenant(TenantScope admin, UUID userId) {
        return jdbc.sql("select count(*) from public.app_user where id = :id and tenant_id = :tenant")
                .param("id", userId).param("tenant", admin.tenantId()).query(Long.class).single() == 1;
    }

    private static TenantScope requireTenantAdmin() {
        TenantScope scope = TenantContext.require();
        if (!scope.has(PlatformRole.TENANT_ADMIN)) {
            throw ApiProblem.forbidden("only tenant administrators manage users and API clients");
        }
        return scope;
    }
}
