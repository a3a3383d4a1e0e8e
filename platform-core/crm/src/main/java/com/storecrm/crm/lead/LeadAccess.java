package com.storecrm.crm.lead;

import static com.storecrm.crm.lead.internal.LeadSpecifications.inStores;
import static com.storecrm.crm.lead.internal.LeadSpecifications.notDiscarded;
import static com.storecrm.crm.lead.internal.LeadSpecifications.ownedByOrOnTeamOf;

import com.storecrm.crm.lead.internal.Lead;
import com.storecrm.crm.lead.internal.LeadRepository;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * Who may see and work which lead (SPEC §3.1, issue 5 role rules): sales reps and marketing work
 * their own leads and those whose related team they are on; store managers every lead of their
 * stores; HQ managers and the tenant administrator every store. Discarded leads exist for the
 * tenant administrator only. Finance and shipping have no business with leads.
 */
@Component
class LeadAccess {

    private static final Set<PlatformRole> WORK_LEADS = EnumSet.of(PlatformRole.TENANT_ADMIN,
            PlatformRole.HQ_MANAGER, PlatformRole.STORE_MANAGER, PlatformRole.SALES_REP, PlatformRole.MARKETING);
    private static final Set<PlatformRole> MANAGE_STORES = EnumSet.of(PlatformRole.TENANT_ADMIN,
            PlatformRole.HQ_MANAGER, PlatformRole.STORE_MANAGER);

    private final LeadRepository leads;

    LeadAccess(LeadRepository leads) {
        this.leads = leads;
    }

    /** The caller, when their role works with leads at all; 403 otherwise. */
    TenantScope requireLeadWorker() {
        TenantScope scope = TenantContext.require();
        if (scope.roles().stream().noneMatch(WORK_LEADS::contains)) {
            throw ApiProblem.forbidden("your role may not work with leads");
        }
        return scope;
    }

    TenantScope requireAdmin(String what) {
        TenantScope scope = requireLeadWorker();
        if (!isAdmin(scope)) {
            throw ApiProblem.forbidden("only the tenant administrator may " + what);
        }
        return scope;
    }

    TenantScope requireManager(String what) {
        TenantScope scope = requireLeadWorker();
        if (!managesStores(scope)) {
            throw ApiProblem.forbidden("only managers may " + what);
        }
        return scope;
    }

    static boolean isAdmin(TenantScope scope) {
        return scope.has(PlatformRole.TENANT_ADMIN);
    }

    static boolean managesStores(TenantScope scope) {
        return scope.roles().stream().anyMatch(MANAGE_STORES::contains);
    }

    /** The lead if the caller may see it; any other lead, of any store or tenant, is a 404. */
    Lead visible(TenantScope scope, UUID id) {
        return leads.findById(id).filter(lead -> canSee(scope, lead)).orElseThrow(() -> ApiProblem.notFound("lead"));
    }

    boolean canSee(TenantScope scope, Lead lead) {
        if (!scope.canSeeStore(lead.storeId())) {
            return false;
        }
        if (lead.status() == LeadStatus.DISCARDED) {
            return isAdmin(scope);
        }
        return managesStores(scope) || scope.userId().equals(lead.ownerId()) || lead.isOnTeam(scope.userId());
    }

    /** Handling a lead: its owner, read/write team members, and the managers who see it (lead manual 4.3). */
    void requireCanWork(TenantScope scope, Lead lead) {
        if (!(managesStores(scope) || scope.userId().equals(lead.ownerId())
                || lead.canBeWorkedByTeamMember(scope.userId()))) {
            throw ApiProblem.forbidden("only the lead's owner, its read/write team and managers may work this lead");
        }
    }

    /** Every lead the caller may see, restricted to {@code stores} (already within the caller's stores). */
    Specification<Lead> visibleIn(TenantScope scope, Collection<UUID> stores) {
        List<Specification<Lead>> rules = new ArrayList<>();
        rules.add(inStores(stores));
        if (!isAdmin(scope)) {
            rules.add(notDiscarded());
        }
        if (!managesStores(scope)) {
            rules.add(ownedByOrOnTeamOf(scope.userId()));
        }
        return Specification.allOf(rules);
    }
}
