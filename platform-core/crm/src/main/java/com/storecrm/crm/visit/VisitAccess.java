package com.storecrm.crm.visit;

import com.storecrm.crm.visit.internal.Visit;
import com.storecrm.crm.visit.internal.VisitRepository;
import com.storecrm.crm.organisation.DataPermissions;
import com.storecrm.crm.organisation.RecordType;
import com.storecrm.crm.organisation.Visibility;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import jakarta.persistence.criteria.Predicate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * Who sees which visit: the organisation's one visibility mechanism (SPEC §3.1, see {@link Visibility})
 * with the visitor as owner and the co-visitors as its related team, within the caller's stores.
 * Finance, shipping and marketing do not visit customers.
 */
@Component
class VisitAccess {

    private static final Set<PlatformRole> VISIT = EnumSet.of(PlatformRole.TENANT_ADMIN, PlatformRole.HQ_MANAGER,
            PlatformRole.STORE_MANAGER, PlatformRole.SALES_REP);
    private static final Set<PlatformRole> SUPERVISE = EnumSet.of(PlatformRole.TENANT_ADMIN,
            PlatformRole.HQ_MANAGER, PlatformRole.STORE_MANAGER);

    private final VisitRepository visits;
    private final DataPermissions permissions;

    VisitAccess(VisitRepository visits, DataPermissions permissions) {
        this.visits = visits;
        this.permissions = permissions;
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
        Visibility visibility = permissions.of(scope, RecordType.VISIT);
        return visits.findById(id).filter(visit -> scope.canSeeStore(visit.storeId())
                        && visibility.canRead(visit.visitorId(), visit.coVisitorIds()))
                .orElseThrow(() -> ApiProblem.notFound("visit"));
    }

    /** The visits the caller sees among those of {@code stores}. */
    Specification<Visit> visibleIn(TenantScope scope, Set<UUID> stores) {
        Specification<Visit> inStores = (root, query, cb) -> root.get("storeId").in(stores);
        return inStores.and(permissions.of(scope, RecordType.VISIT).readable("visitorId", VisitAccess::coVisitorsIncludeAny));
    }

    /** Co-visitors read a visit; only its visitor works it. */
    private static Specification<Visit> coVisitorsIncludeAny(Collection<UUID> users, boolean readWriteOnly) {
        return (root, query, cb) -> readWriteOnly || users.isEmpty() ? cb.disjunction()
                : cb.or(users.stream().map(user -> cb.isTrue(cb.function("array_contains", Boolean.class,
                        root.get("coVisitorIds"), cb.literal(user)))).toArray(Predicate[]::new));
    }

    /** Checking in and out is the visitor's own act. */
    static void requireVisitor(TenantScope scope, Visit visit) {
        if (!scope.userId().equals(visit.visitorId())) {
            throw ApiProblem.forbidden("only the visitor checks in and out of a visit");
        }
    }
}
