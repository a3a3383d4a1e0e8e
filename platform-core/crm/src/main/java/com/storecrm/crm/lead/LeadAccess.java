package com.storecrm.crm.lead;

import static com.storecrm.crm.lead.internal.LeadSpecifications.inStores;
import static com.storecrm.crm.lead.internal.LeadSpecifications.notDiscarded;

import com.storecrm.crm.lead.internal.Lead;
import com.storecrm.crm.lead.internal.LeadRepository;
import com.storecrm.crm.lead.internal.LeadSpecifications;
import com.storecrm.crm.lead.internal.TeamMember;
import com.storecrm.crm.organisation.DataPermissions;
import com.storecrm.crm.organisation.RecordType;
import com.storecrm.crm.organisation.Visibility;
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
 * Who may see and work which lead: the organisation's one visibility mechanism (SPEC §3.1, see
 * {@link Visibility}) within the caller's stores, for the roles that work leads. Discarded leads
 * exist for the tenant administrator only. Finance and shipping have no business with leads.
 */
@Component
class LeadAccess {

    private static final Set<PlatformRole> WORK_LEADS = EnumSet.of(PlatformRole.TENANT_ADMIN,
            PlatformRole.HQ_MANAGER, PlatformRole.STORE_MANAGER, PlatformRole.SALES_REP, PlatformRole.MARKETING);
    private static final Set<PlatformRole> MANAGE_STORES = EnumSet.of(PlatformRole.TENANT_ADMIN,
            PlatformRole.HQ_MANAGER, PlatformRole.STORE_MANAGER);

    private final LeadRepository leads;
    private final DataPermissions permissions;

    LeadAccess(LeadRepository leads, DataPermissions permissions) {
        this.leads = leads;
        this.permissions = permissions;
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

    Visibility visibility(TenantScope scope) {
        return permissions.of(scope, RecordType.LEAD);
    }

    /** The lead if the caller may see it; any other lead, of any store or tenant, is a 404. */
    Lead visible(TenantScope scope, UUID id) {
        return leads.findById(id).filter(lead -> canSee(scope, visibility(scope), lead))
                .orElseThrow(() -> ApiProblem.notFound("lead"));
    }

    static boolean canSee(TenantScope scope, Visibility visibility, Lead lead) {
        if (!scope.canSeeStore(lead.storeId())) {
            return false;
        }
        if (lead.status() == LeadStatus.DISCARDED) {
            return isAdmin(scope);
        }
        return visibility.canRead(lead.ownerId(), lead.team().stream().map(TeamMember::userId).toList());
    }

    /**
     * Handling a lead (lead manual 4.3): its owner and the owner's superiors, read/write team members
     * and their superiors, users it is shared with read/write, and the managers who see it.
     */
    void requireCanWork(TenantScope scope, Lead lead) {
        List<UUID> readWriteTeam = lead.team().stream().filter(m -> m.access() == TeamMember.Access.READ_WRITE)
                .map(TeamMember::userId).toList();
        if (!visibility(scope).canChange(lead.ownerId(), readWriteTeam)) {
            throw ApiProblem.forbidden("only the lead's owner and superiors, its read/write team, users it is shared "
                    + "with read/write and managers may work this lead");
        }
    }

    /** Every lead the caller may see, restricted to {@code stores} (already within the caller's stores). */
    Specification<Lead> visibleIn(TenantScope scope, Visibility visibility, Collection<UUID> stores) {
        List<Specification<Lead>> rules = new ArrayList<>();
        rules.add(inStores(stores));
        if (!isAdmin(scope)) {
            rules.add(notDiscarded());
        }
        rules.add(visibility.readable("ownerId", teamFilter()));
        return Specification.allOf(rules);
    }

    /**
     * Leads with one of some users on their related team, as their ids: resolved up front (a user
     * is on few teams) so that "owned by one of them OR on a team" is two index lookups for
     * PostgreSQL, where a correlated subquery under the OR made it scan every lead of the store.
     */
    Visibility.TeamFilter<Lead> teamFilter() {
        return (users, readWriteOnly) -> users.isEmpty() ? LeadSpecifications.idIn(List.<UUID>of())
                : LeadSpecifications.idIn(leads.withTeamMembers(users, readWriteOnly));
    }
}
