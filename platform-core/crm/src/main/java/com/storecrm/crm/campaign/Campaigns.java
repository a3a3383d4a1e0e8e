package com.storecrm.crm.campaign;

import com.storecrm.crm.campaign.internal.Campaign;
import com.storecrm.crm.campaign.internal.CampaignRepository;
import com.storecrm.crm.campaign.internal.CampaignSpecifications;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import com.storecrm.tenancy.web.PageRequests;
import com.storecrm.tenancy.web.PageResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns of the caller's stores (SPEC §3.2). Marketing and managers plan and revise them; sales
 * reps read them to name a lead's campaign. Any campaign outside the caller's stores is a 404.
 */
@Service
public class Campaigns {

    private static final Set<PlatformRole> READ = EnumSet.of(PlatformRole.TENANT_ADMIN, PlatformRole.HQ_MANAGER,
            PlatformRole.STORE_MANAGER, PlatformRole.MARKETING, PlatformRole.SALES_REP);
    private static final Set<PlatformRole> PLAN = EnumSet.of(PlatformRole.TENANT_ADMIN, PlatformRole.HQ_MANAGER,
            PlatformRole.STORE_MANAGER, PlatformRole.MARKETING);
    private static final Map<String, String> SORTABLE = Map.of("name", "name", "startDate", "startDate",
            "endDate", "endDate", "budget", "budget", "actualCost", "actualCost", "createdAt", "createdAt");
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "startDate").and(Sort.by("id"));

    private final CampaignRepository campaigns;
    private final CampaignTypes types;

    Campaigns(CampaignRepository campaigns, CampaignTypes types) {
        this.campaigns = campaigns;
        this.types = types;
    }

    /** Whether the campaign exists in that store: how a lead checks the campaign it names. */
    @Transactional(readOnly = true)
    public boolean exists(UUID storeId, UUID campaignId) {
        return campaigns.existsByIdAndStoreId(campaignId, storeId);
    }

    @Transactional
    public CampaignView plan(NewCampaign request) {
        TenantScope scope = require(PLAN, "plan campaigns");
        if (!scope.canSeeStore(request.storeId())) {
            throw ApiProblem.invalidField("storeId", "no such store");
        }
        Campaign campaign = Campaign.plan(request.storeId(), details(request));
        return toView(campaigns.saveAndFlush(campaign));
    }

    @Transactional
    public CampaignView revise(UUID id, NewCampaign request) {
        TenantScope scope = require(PLAN, "revise campaigns");
        Campaign campaign = visible(scope, id);
        if (!campaign.storeId().equals(request.storeId())) {
            throw ApiProblem.invalidField("storeId", "a campaign stays in its store");
        }
        campaign.revise(details(request));
        return toView(campaigns.saveAndFlush(campaign));
    }

    @Transactional
    public void delete(UUID id) {
        TenantScope scope = require(PLAN, "delete campaigns");
        campaigns.delete(visible(scope, id));
    }

    @Transactional(readOnly = true)
    public CampaignView get(UUID id) {
        return toView(visible(require(READ, "read campaigns"), id));
    }

    @Transactional(readOnly = true)
    public PageResponse<CampaignView> list(CampaignFilter filter, int page, int size, String sort) {
        TenantScope scope = require(READ, "read campaigns");
        Set<UUID> stores = scope.storeIds();
        if (filter.storeId() != null) {
            stores = scope.canSeeStore(filter.storeId()) ? Set.of(filter.storeId()) : Set.of();
        }
        var pageable = PageRequests.of(page, size, sort, SORTABLE, NEWEST_FIRST);
        if (stores.isEmpty()) {
            return PageRequests.response(org.springframework.data.domain.Page.empty(pageable), Campaigns::toView);
        }
        List<Specification<Campaign>> rules = new ArrayList<>();
        rules.add(CampaignSpecifications.inStores(stores));
        if (filter.type() != null) {
            rules.add(CampaignSpecifications.ofType(filter.type()));
        }
        if (filter.status() != null) {
            rules.add(CampaignSpecifications.withStatus(filter.status()));
        }
        if (filter.from() != null || filter.to() != null) {
            rules.add(CampaignSpecifications.runningBetween(filter.from(), filter.to()));
        }
        if (filter.name() != null && !filter.name().isBlank()) {
            rules.add(CampaignSpecifications.nameContains(filter.name().trim()));
        }
        return PageRequests.response(campaigns.findAll(Specification.allOf(rules), pageable), Campaigns::toView);
    }

    /** Filters of the campaign list; every one optional. */
    public record CampaignFilter(UUID storeId, String type, CampaignStatus status, LocalDate from, LocalDate to,
                                 String name) {
    }

    private Campaign.Details details(NewCampaign request) {
        if (request.endDate().isBefore(request.startDate())) {
            throw ApiProblem.invalidField("endDate", "must not be before startDate");
        }
        types.requireOffered(request.type());
        return new Campaign.Details(request.name().trim(), request.type(),
                request.status() == null ? CampaignStatus.PLANNED : request.status(), request.startDate(),
                request.endDate(), request.budget(), request.actualCost() == null ? BigDecimal.ZERO : request.actualCost(),
                request.description());
    }

    private Campaign visible(TenantScope scope, UUID id) {
        return campaigns.findById(id).filter(c -> scope.canSeeStore(c.storeId()))
                .orElseThrow(() -> ApiProblem.notFound("campaign"));
    }

    static TenantScope require(Set<PlatformRole> roles, String what) {
        TenantScope scope = TenantContext.require();
        if (scope.roles().stream().noneMatch(roles::contains)) {
            throw ApiProblem.forbidden("your role may not " + what);
        }
        return scope;
    }

    private static CampaignView toView(Campaign c) {
        return new CampaignView(c.id(), c.storeId(), c.name(), c.type(), c.status(), c.startDate(), c.endDate(),
                c.budget(), c.actualCost(), c.description(), c.getCreatedAt(), c.getCreatedBy(), c.getUpdatedAt(),
                c.getUpdatedBy());
    }
}
