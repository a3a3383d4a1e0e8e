package com.storecrm.crm.organisation;

import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.TenantScope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one visibility mechanism of every record type (SPEC §3.1): what a caller sees follows from the
 * superior chain in the platform catalog, the tenant's departments and heads, user groups and sharing
 * rules, resolved in one statement per request. Features combine the result with their own store bound
 * and record rules (discarded leads, the high seas).
 */
@Service
public class DataPermissions {

    private static final Set<PlatformRole> WHOLE_STORES = EnumSet.of(PlatformRole.TENANT_ADMIN,
            PlatformRole.HQ_MANAGER, PlatformRole.STORE_MANAGER);

    // UNION (not UNION ALL) in the recursive parts stops at users already found, so a superior cycle ends.
    private static final String GRANTS = """
            with recursive
            subordinate(id) as (
                select u.id from public.app_user u where u.tenant_id = :tenant and u.superior_id = :me
                union
                select u.id from public.app_user u join subordinate s on u.superior_id = s.id
                where u.tenant_id = :tenant
            ),
            shared as (
                select r.source_kind, r.source_id, r.access from sharing_rule r
                where r.record_type = :type and (
                    (r.target_kind = 'USER' and r.target_id = :me)
                    or (r.target_kind = 'DEPARTMENT'
                        and r.target_id in (select m.department_id from department_member m where m.user_id = :me))
                    or (r.target_kind = 'GROUP'
                        and r.target_id in (select g.group_id from user_group_member g where g.user_id = :me)))
            ),
            headed(id) as (
                select d.id from department d where d.head_id = :me
                union
                select d.id from department d join headed h on d.parent_id = h.id
                where (select o.heads_see_child_departments from organisation_rule o where o.id = 1)
            )
            select 'SUBORDINATE', cast(s.id as text), null from subordinate s
            union all
            select 'SHARED', cast(r.source_id as text), r.access from shared r where r.source_kind = 'USER'
            union all
            select 'SHARED', cast(m.user_id as text), r.access from shared r
                join department_member m on m.department_id = r.source_id where r.source_kind = 'DEPARTMENT'
            union all
            select 'RESPONSIBLE', cast(m.user_id as text), null from headed h
                join department_member m on m.department_id = h.id""";

    @PersistenceContext
    private EntityManager entityManager;

    /**
     * The caller's visibility of one record type; runs in (or opens) the caller's tenant transaction
     * and is resolved once per transaction, however many checks a request makes.
     */
    @Transactional(readOnly = true)
    public Visibility of(TenantScope scope, RecordType type) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return resolve(scope, type);
        }
        @SuppressWarnings("unchecked")
        Map<String, Visibility> resolved = (Map<String, Visibility>) TransactionSynchronizationManager.getResource(this);
        if (resolved == null) {
            Map<String, Visibility> perTransaction = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, perTransaction);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(DataPermissions.this);
                }
            });
            resolved = perTransaction;
        }
        return resolved.computeIfAbsent(scope.tenantId() + "/" + scope.userId() + "/" + type, key -> resolve(scope, type));
    }

    private Visibility resolve(TenantScope scope, RecordType type) {
        Set<UUID> subordinates = new HashSet<>();
        Set<UUID> sharedRead = new HashSet<>();
        Set<UUID> sharedWrite = new HashSet<>();
        Set<UUID> responsible = new HashSet<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(GRANTS)
                .setParameter("tenant", scope.tenantId())
                .setParameter("me", scope.userId())
                .setParameter("type", type.name())
                .getResultList();
        for (Object[] row : rows) {
            UUID user = UUID.fromString((String) row[1]);
            switch ((String) row[0]) {
                case "SUBORDINATE" -> subordinates.add(user);
                case "SHARED" -> (SharingAccess.READ_WRITE.name().equals(row[2]) ? sharedWrite : sharedRead).add(user);
                default -> responsible.add(user);
            }
        }
        subordinates.remove(scope.userId());
        boolean wholeStores = scope.roles().stream().anyMatch(WHOLE_STORES::contains);
        return new Visibility(scope.userId(), wholeStores, subordinates, sharedRead, sharedWrite, responsible);
    }
}
