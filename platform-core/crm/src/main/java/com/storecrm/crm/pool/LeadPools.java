package com.storecrm.crm.pool;

import com.storecrm.crm.lead.LeadPoolDirectory;
import com.storecrm.crm.lead.LeadStatus;
import com.storecrm.crm.lead.LeadView;
import com.storecrm.crm.lead.PoolLeads;
import com.storecrm.crm.pool.internal.LeadPool;
import com.storecrm.crm.pool.internal.LeadPoolRepository;
import com.storecrm.crm.pool.internal.ReturnReasonRepository;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.catalog.CatalogReader;
import com.storecrm.tenancy.web.ApiProblem;
import com.storecrm.tenancy.web.PageRequests;
import com.storecrm.tenancy.web.PageResponse;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Configuring lead pools and finding them (SPEC §3.3). Pools belong to one store; the tenant
 * administrator creates them; people of the store see them. Also tells the lead feature where a
 * lead created into a pool goes.
 */
@Service
public class LeadPools implements LeadPoolDirectory {

    static final Set<PlatformRole> WORK_LEADS = EnumSet.of(PlatformRole.TENANT_ADMIN, PlatformRole.HQ_MANAGER,
            PlatformRole.STORE_MANAGER, PlatformRole.SALES_REP, PlatformRole.MARKETING);
    static final Set<PlatformRole> MANAGERS = EnumSet.of(PlatformRole.TENANT_ADMIN, PlatformRole.HQ_MANAGER,
            PlatformRole.STORE_MANAGER);

    private final LeadPoolRepository pools;
    private final ReturnReasonRepository returnReasons;
    private final PoolLeads leads;
    private final CatalogReader catalog;

    LeadPools(LeadPoolRepository pools, ReturnReasonRepository returnReasons, PoolLeads leads, CatalogReader catalog) {
        this.pools = pools;
        this.returnReasons = returnReasons;
        this.leads = leads;
        this.catalog = catalog;
    }

    @Transactional
    public LeadPoolView create(NewLeadPool request) {
        TenantScope scope = requireWorker();
        if (!scope.has(PlatformRole.TENANT_ADMIN)) {
            throw ApiProblem.forbidden("only the tenant administrator configures lead pools");
        }
        if (!scope.canSeeStore(request.storeId())) {
            throw ApiProblem.invalidField("storeId", "no such store");
        }
        Set<UUID> admins = people(scope, request.storeId(), "adminIds", request.adminIds());
        Set<UUID> members = people(scope, request.storeId(), "memberIds", request.memberIds());
        if (request.defaultAssigneeId() != null && !members.contains(request.defaultAssigneeId())) {
            throw ApiProblem.invalidField("defaultAssigneeId", "must be a member of the pool");
        }
        if (request.returnWarningHours() != null && (request.followUpTimeoutHours() == null
                || request.returnWarningHours() >= request.followUpTimeoutHours())) {
            throw ApiProblem.invalidField("returnWarningHours", "must be less than followUpTimeoutHours");
        }
        LeadPool pool = LeadPool.create(request.storeId(), request.name().strip(), new LeadPool.Rules(request.type(),
                request.region(), request.industry(), request.defaultAssigneeId(), request.followUpTimeoutHours(),
                request.returnWarningHours(), !Boolean.FALSE.equals(request.autoReturn()), request.claimLimit(),
                request.dailyClaimLimit()), admins, members);
        try {
            pools.saveAndFlush(pool);
        } catch (DataIntegrityViolationException duplicate) {
            throw ApiProblem.conflict("the store has a lead pool of this name already", Map.of("field", "name"));
        }
        return view(pool);
    }

    @Transactional(readOnly = true)
    public LeadPoolView get(UUID poolId) {
        return view(visible(requireWorker(), poolId));
    }

    @Transactional(readOnly = true)
    public List<LeadPoolView> list() {
        TenantScope scope = requireWorker();
        return pools.findByStoreIdInOrderByName(scope.storeIds()).stream().map(LeadPools::view).toList();
    }

    /** The pool's leads as its people see them: Unassigned by default (the pool's front-end list). */
    @Transactional(readOnly = true)
    public PageResponse<LeadView> leads(UUID poolId, List<LeadStatus> statuses, int page, int size) {
        TenantScope scope = requireWorker();
        LeadPool pool = visible(scope, poolId);
        if (!mayWork(scope, pool)) {
            throw ApiProblem.forbidden("only the pool's administrators, members and managers see its leads");
        }
        Set<LeadStatus> wanted = statuses == null || statuses.isEmpty() ? EnumSet.of(LeadStatus.UNASSIGNED)
                : EnumSet.copyOf(statuses);
        wanted.remove(LeadStatus.DISCARDED);
        return leads.inPool(poolId, wanted, PageRequests.of(page, size, null, Map.of(),
                Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id"))));
    }

    /** The pool's administrators: who hears of claims and returns. Empty for a pool not in scope. */
    @Transactional(readOnly = true)
    public Set<UUID> adminsOf(UUID poolId) {
        return pools.findById(poolId).map(LeadPool::admins).orElse(Set.of());
    }

    @Transactional(readOnly = true)
    public ReturnReasons returnReasons() {
        requireWorker();
        return new ReturnReasons(returnReasons.required(), returnReasons.reasons().stream()
                .map(row -> new ReturnReasons.Reason((String) row[0], (String) row[1])).toList());
    }

    @Transactional
    public ReturnReasons configureReturnReasons(ReturnReasons configured) {
        TenantScope scope = requireWorker();
        if (!scope.has(PlatformRole.TENANT_ADMIN)) {
            throw ApiProblem.forbidden("only the tenant administrator configures return reasons");
        }
        if (configured.required() && configured.reasons().isEmpty()) {
            throw ApiProblem.invalidField("reasons", "a required return reason needs at least one reason to choose");
        }
        if (configured.reasons().stream().map(ReturnReasons.Reason::code).distinct().count() != configured.reasons().size()) {
            throw ApiProblem.invalidField("reasons", "codes must be distinct");
        }
        returnReasons.clear();
        for (int i = 0; i < configured.reasons().size(); i++) {
            returnReasons.add(configured.reasons().get(i).code(), configured.reasons().get(i).label(), i + 1);
        }
        returnReasons.setRequired(configured.required());
        return returnReasons();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Entry> entryFor(UUID poolId, UUID storeId) {
        TenantScope scope = TenantContext.require();
        Optional<LeadPool> pool = pools.findById(poolId)
                .filter(p -> p.storeId().equals(storeId) && scope.canSeeStore(p.storeId()));
        pool.filter(p -> !mayWork(scope, p)).ifPresent(p -> {
            throw ApiProblem.forbidden("only the pool's administrators, members and managers add leads to it");
        });
        return pool.map(p -> new Entry(p.id(), p.rules().defaultAssigneeId()));
    }

    static TenantScope requireWorker() {
        TenantScope scope = TenantContext.require();
        if (scope.roles().stream().noneMatch(WORK_LEADS::contains)) {
            throw ApiProblem.forbidden("your role may not work with leads");
        }
        return scope;
    }

    /** The pool if it lies in the caller's stores; any other, of any store or tenant, is a 404. */
    LeadPool visible(TenantScope scope, UUID poolId) {
        return pools.findById(poolId).filter(p -> scope.canSeeStore(p.storeId()))
                .orElseThrow(() -> ApiProblem.notFound("lead pool"));
    }

    static boolean mayWork(TenantScope scope, LeadPool pool) {
        return pool.isAdmin(scope.userId()) || pool.isMember(scope.userId())
                || scope.roles().stream().anyMatch(MANAGERS::contains);
    }

    /** The tenant administrator acts as administrator of every pool (SPEC §1: configures lead pools). */
    static boolean administers(TenantScope scope, LeadPool pool) {
        return pool.isAdmin(scope.userId()) || scope.has(PlatformRole.TENANT_ADMIN);
    }

    private Set<UUID> people(TenantScope scope, UUID storeId, String field, List<UUID> ids) {
        Set<UUID> people = new LinkedHashSet<>();
        List<UUID> given = ids == null ? List.of() : ids;
        for (int i = 0; i < given.size(); i++) {
            UUID id = given.get(i);
            boolean worksInStore = catalog.principal(id)
                    .filter(p -> p.scope().tenantId().equals(scope.tenantId()) && p.mayAct())
                    .filter(p -> p.scope().canSeeStore(storeId))
                    .filter(p -> p.scope().roles().stream().anyMatch(WORK_LEADS::contains))
                    .isPresent();
            if (!worksInStore || !people.add(id)) {
                throw ApiProblem.invalidField(field + "[" + i + "]", "must be a distinct active user who works leads in the pool's store");
            }
        }
        return people;
    }

    static LeadPoolView view(LeadPool pool) {
        LeadPool.Rules rules = pool.rules();
        return new LeadPoolView(pool.id(), pool.storeId(), pool.name(), pool.type(), rules.region(), rules.industry(),
                pool.admins(), pool.members(), rules.defaultAssigneeId(), rules.followUpTimeoutHours(),
                rules.returnWarningHours(), rules.autoReturn(), rules.claimLimit(), rules.dailyClaimLimit());
    }
}
