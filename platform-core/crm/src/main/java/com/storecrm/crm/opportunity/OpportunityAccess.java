package com.storecrm.crm.opportunity;

import com.storecrm.crm.opportunity.internal.Opportunity;
import com.storecrm.crm.opportunity.internal.OpportunityRepository;
import com.storecrm.crm.organisation.DataPermissions;
import com.storecrm.crm.organisation.RecordType;
import com.storecrm.crm.organisation.RelatedTeams;
import com.storecrm.crm.organisation.Visibility;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * Who may see and work which opportunity: the organisation's one visibility mechanism (SPEC §3.1, see
 * {@link Visibility}) within the caller's stores. Store managers, HQ and the tenant administrator
 * supervise (approve stage advances).
 */
@Component
class OpportunityAccess {

    private static final Set<PlatformRole> WORK = EnumSet.of(PlatformRole.TENANT_ADMIN, PlatformRole.HQ_MANAGER,
            PlatformRole.STORE_MANAGER, PlatformRole.SALES_REP);
    private static final Set<PlatformRole> SUPERVISE = EnumSet.of(PlatformRole.TENANT_ADMIN, PlatformRole.HQ_MANAGER,
            PlatformRole.STORE_MANAGER);

    private final OpportunityRepository opportunities;
    private final DataPermissions permissions;
    private final RelatedTeams teams;

    OpportunityAccess(OpportunityRepository opportunities, DataPermissions permissions, RelatedTeams teams) {
        this.opportunities = opportunities;
        this.permissions = permissions;
        this.teams = teams;
    }

    TenantScope requireWorker() {
        TenantScope scope = TenantContext.require();
        if (scope.roles().stream().noneMatch(WORK::contains)) {
            throw ApiProblem.forbidden("your role may not work with opportunities");
        }
        return scope;
    }

    static boolean supervises(TenantScope scope) {
        return scope.roles().stream().anyMatch(SUPERVISE::contains);
    }

    Visibility visibility(TenantScope scope) {
        return permissions.of(scope, RecordType.OPPORTUNITY);
    }

    Opportunity visible(TenantScope scope, UUID id) {
        Visibility visibility = visibility(scope);
        return opportunities.findById(id)
                .filter(o -> scope.canSeeStore(o.storeId()))
                .filter(o -> visibility.canRead(o.ownerId(), RelatedTeams.users(teams.members(o.id()), false)))
                .orElseThrow(() -> ApiProblem.notFound("opportunity"));
    }

    /**
     * Moving an opportunity: its owner and superiors, read/write team members and their superiors,
     * users it is shared with read/write, and supervisors.
     */
    boolean canChange(TenantScope scope, Opportunity opportunity) {
        return visibility(scope).canChange(opportunity.ownerId(),
                RelatedTeams.users(teams.members(opportunity.id()), true));
    }

    Specification<Opportunity> visibleIn(TenantScope scope, Collection<UUID> stores) {
        Specification<Opportunity> inStores = (root, query, cb) -> root.get("storeId").in(stores);
        return inStores.and(visibility(scope).readable("ownerId", teams.filter(RecordType.OPPORTUNITY)));
    }
}
