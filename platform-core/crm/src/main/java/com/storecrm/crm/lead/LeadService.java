package com.storecrm.crm.lead;

import com.storecrm.crm.lead.internal.Lead;
import com.storecrm.crm.lead.internal.LeadRepository;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import com.storecrm.tenancy.web.PageRequests;
import com.storecrm.tenancy.web.PageResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads within the caller's stores. Every read and write is scoped to the caller's stores here, and
 * the database's row-level security checks the same scope again.
 */
@Service
public class LeadService {

    private static final Set<PlatformRole> WORK_LEADS = EnumSet.of(PlatformRole.TENANT_ADMIN,
            PlatformRole.HQ_MANAGER, PlatformRole.STORE_MANAGER, PlatformRole.SALES_REP, PlatformRole.MARKETING);
    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "updatedAt", "updatedAt",
            "name", "name", "status", "status");

    private final LeadRepository leads;

    LeadService(LeadRepository leads) {
        this.leads = leads;
    }

    @Transactional
    public LeadView create(NewLead request) {
        TenantScope scope = requireLeadWorker();
        if (!scope.canSeeStore(request.storeId())) {
            throw ApiProblem.invalidField("storeId", "no such store");
        }
        if (request.campaignId() != null) {
            throw ApiProblem.invalidField("campaignId", "no such campaign");
        }
        if (request.poolId() != null) {
            throw ApiProblem.invalidField("poolId", "no such lead pool");
        }
        // SPEC §3.2: a lead created by a user is Pending and owned by its creator.
        Lead lead = Lead.createdBy(scope.userId(), request.storeId(), request.name(), request.company(),
                request.phone(), request.email(), request.source());
        return toView(leads.saveAndFlush(lead));
    }

    @Transactional(readOnly = true)
    public LeadView get(UUID id) {
        TenantScope scope = requireLeadWorker();
        return leads.findById(id)
                .filter(lead -> scope.canSeeStore(lead.storeId()))
                .map(LeadService::toView)
                .orElseThrow(() -> ApiProblem.notFound("lead"));
    }

    @Transactional(readOnly = true)
    public PageResponse<LeadView> list(LeadStatus status, UUID storeId, int page, int size, String sort) {
        TenantScope scope = requireLeadWorker();
        Set<UUID> stores = scope.storeIds();
        if (storeId != null) {
            stores = scope.canSeeStore(storeId) ? Set.of(storeId) : Set.of();
        }
        var pageable = PageRequests.of(page, size, sort, SORTABLE, Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id")));
        Page<Lead> found = stores.isEmpty() ? Page.empty(pageable)
                : status == null ? leads.findByStoreIdIn(stores, pageable)
                : leads.findByStoreIdInAndStatus(stores, status, pageable);
        return PageRequests.response(found, LeadService::toView);
    }

    private static TenantScope requireLeadWorker() {
        TenantScope scope = TenantContext.require();
        if (scope.roles().stream().noneMatch(WORK_LEADS::contains)) {
            throw ApiProblem.forbidden("your role may not work with leads");
        }
        return scope;
    }

    private static LeadView toView(Lead lead) {
        return new LeadView(lead.id(), lead.storeId(), lead.name(), lead.company(), lead.phone(), lead.email(),
                lead.source(), lead.campaignId(), lead.poolId(), lead.status(), lead.ownerId(), lead.getCreatedAt(),
                lead.getCreatedBy(), lead.getUpdatedAt(), lead.getUpdatedBy());
    }
}
