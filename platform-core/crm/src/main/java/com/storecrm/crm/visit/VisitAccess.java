package com.storecrm.crm.visit;

import com.storecrm.crm.visit.internal.Visit;
import com.storecrm.crm.visit.internal.VisitRepository;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who sees which visit: its visitor and co-visitors, and the supervisors of its store. Finance,
 * shipping and marketing do not visit customers.
 */
@Component
class VisitAccess {

    private static final Set<PlatformRole> VISIT = EnumSet.of(PlatformRole.TENANT_ADMIN, PlatformRole.HQ_MANAGER,
            PlatformRole.STORE_MANAGER, PlatformRole.SALES_REP);
    private static final Set<PlatformRole> SUPERVISE = EnumSet.of(PlatformRole.TENANT_ADMIN,
            PlatformRole.HQ_MANAGER, PlatformRole.STORE_MANAGER);

    private final VisitRepository visits;

    VisitAccess(VisitRepository visits) {
        this.visits = visits;
    }

    TenantScope requireVisitor() {
        TenantScope scope = TenantContext.require();
        if (scope.roles().stream().noneMatch(VISIT::contains)) {
            throw ApiProblem.forbidden("your role may not work with visits");
        }
        return scope;
    }

    static boolean supervises(TenantScope scope) {
        return scope.roles().stream().anyMatch(SUPERVISE::contains);
    }

    /** The visit if the caller may see it; any other, of any store or tenant, is a 404. */
    Visit visible(TenantScope scope, UUID id) {
        return visits.findById(id).filter(visit -> scope.canSeeStore(visit.storeId()) && (supervises(scope)
                        || scope.userId().equals(visit.visitorId()) || visit.coVisitorIds().contains(scope.userId())))
                .orElseThrow(() -> ApiProblem.notFound("visit"));
    }

    /** Checking in and out is the visitor's own act. */
    static void requireVisitor(TenantScope scope, Visit visit) {
        if (!scope.userId().equals(visit.visitorId())) {
            throw ApiProblem.forbidden("only the visitor checks in and out of a visit");
        }
    }
}
