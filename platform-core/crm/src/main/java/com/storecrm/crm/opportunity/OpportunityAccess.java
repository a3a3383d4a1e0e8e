package com.storecrm.crm.opportunity;

import com.storecrm.crm.opportunity.internal.Opportunity;
import com.storecrm.crm.opportunity.internal.OpportunityRepository;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/** Reps see and work their own opportunities; store managers, HQ and the tenant administrator those of their stores. */
@Component
class OpportunityAccess {

    private static final Set<PlatformRole> WORK = EnumSet.of(PlatformRole.TENANT_ADMIN, PlatformRole.HQ_MANAGER,
            PlatformRole.STORE_MANAGER, PlatformRole.SALES_REP);
    private static final Set<PlatformRole> SUPERVISE = EnumSet.of(PlatformRole.TENANT_ADMIN, PlatformRole.HQ_MANAGER,
            PlatformRole.STORE_MANAGER);

    private final OpportunityRepository opportunities;

    OpportunityAccess(OpportunityRepository opportunities) {
        this.opportunities = opportunities;
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

    Opportunity visible(TenantScope scope, UUID id) {
        return opportunities.findById(id)
                .filter(o -> scope.canSeeStore(o.storeId()))
                .filter(o -> supervises(scope) || scope.userId().equals(o.ownerId()))
                .orElseThrow(() -> ApiProblem.notFound("opportunity"));
    }

    Specification<Opportunity> visibleIn(TenantScope scope, Collection<UUID> stores) {
        Specification<Opportunity> inStores = (root, query, cb) -> root.get("storeId").in(stores);
        return supervises(scope) ? inStores
                : inStores.and((root, query, cb) -> cb.equal(root.get("ownerId"), scope.userId()));
    }
}
