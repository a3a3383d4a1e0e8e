package com.storecrm.crm.organisation;

import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.catalog.CatalogReader;
import com.storecrm.tenancy.web.ApiProblem;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The related teams of customers and opportunities (SPEC §3.1), kept in one table for both record
 * types and read by {@link Visibility} like a lead's team. The record's feature checks that the
 * caller may change the record before replacing its team; this service checks the members.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class RelatedTeams {

    @PersistenceContext
    private EntityManager entityManager;

    private final CatalogReader catalog;

    RelatedTeams(CatalogReader catalog) {
        this.catalog = catalog;
    }

    public List<TeamMember> members(UUID recordId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select cast(user_id as text), access from record_team_member
                        where record_id = :record order by user_id""")
                .setParameter("record", recordId).getResultList();
        return rows.stream().map(r -> new TeamMember(UUID.fromString((String) r[0]),
                SharingAccess.valueOf((String) r[1]))).toList();
    }

    /** Replaces the team; every member must be a distinct user who works in the record's store. */
    public List<TeamMember> replace(TenantScope scope, RecordType type, UUID recordId, UUID storeId,
                                    List<TeamMember> members) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            UUID user = members.get(i).userId();
            boolean worksInStore = catalog.principal(user)
                    .filter(p -> p.scope().tenantId().equals(scope.tenantId()))
                    .filter(p -> p.scope().canSeeStore(storeId))
                    .isPresent();
            if (!worksInStore || !seen.add(user)) {
                throw ApiProblem.invalidField("members[" + i + "].userId",
                        "must be a distinct user who works in the record's store");
            }
        }
        entityManager.createNativeQuery("delete from record_team_member where record_id = :record")
                .setParameter("record", recordId).executeUpdate();
        for (TeamMember member : members) {
            entityManager.createNativeQuery("""
                            insert into record_team_member (record_id, user_id, record_type, store_id, access)
                            values (:record, :user, :type, :store, :access)""")
                    .setParameter("record", recordId).setParameter("user", member.userId())
                    .setParameter("type", type.name()).setParameter("store", storeId)
                    .setParameter("access", member.access().name()).executeUpdate();
        }
        return members(recordId);
    }

    /** A {@link Visibility.TeamFilter} for records of one type with an {@code id} attribute. */
    public <T> Visibility.TeamFilter<T> filter(RecordType type) {
        return (users, readWriteOnly) -> {
            List<UUID> ids = users.isEmpty() ? List.of() : recordsWith(type, users, readWriteOnly);
            return (Specification<T>) (root, query, cb) -> ids.isEmpty() ? cb.disjunction() : root.get("id").in(ids);
        };
    }

    private List<UUID> recordsWith(RecordType type, Collection<UUID> users, boolean readWriteOnly) {
        @SuppressWarnings("unchecked")
        List<String> ids = entityManager.createNativeQuery("""
                        select distinct cast(record_id as text) from record_team_member
                        where record_type = :type and user_id in (:users)
                          and (not :readWriteOnly or access = 'READ_WRITE')""")
                .setParameter("type", type.name()).setParameter("users", users)
                .setParameter("readWriteOnly", readWriteOnly).getResultList();
        return ids.stream().map(UUID::fromString).toList();
    }

    public static List<UUID> users(List<TeamMember> team, boolean readWriteOnly) {
        return team.stream().filter(m -> !readWriteOnly || m.access() == SharingAccess.READ_WRITE)
                .map(TeamMember::userId).toList();
    }
}
