package com.storecrm.crm.opportunity;

import com.storecrm.crm.account.AccountRef;
import com.storecrm.crm.account.AccountService;
import com.storecrm.crm.opportunity.internal.FunnelQueries;
import com.storecrm.crm.opportunity.internal.Opportunity;
import com.storecrm.crm.opportunity.internal.OpportunityHistoryRepository;
import com.storecrm.crm.opportunity.internal.OpportunityRepository;
import com.storecrm.crm.organisation.RecordType;
import com.storecrm.crm.organisation.RelatedTeamRequest;
import com.storecrm.crm.organisation.RelatedTeams;
import com.storecrm.crm.organisation.TeamMember;
import com.storecrm.crm.organisation.Visibility;
import com.storecrm.crm.salesprocess.SalesProcessService;
import com.storecrm.crm.salesprocess.SalesProcessView;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import com.storecrm.tenancy.web.PageRequests;
import com.storecrm.tenancy.web.PageResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, finding and analysing opportunities (SPEC §3.5): lists, history, the funnel and cycle times. */
@Service
public class OpportunityService {

    static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "amount", "amount",
            "expectedCloseDate", "expectedCloseDate", "name", "name");
    static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id"));

    private final OpportunityRepository opportunities;
    private final OpportunityHistoryRepository history;
    private final FunnelQueries funnelQueries;
    private final OpportunityAccess access;
    private final OpportunityJournal journal;
    private final AccountService accounts;
    private final SalesProcessService processes;
    private final RelatedTeams teams;
    private final Clock clock;

    OpportunityService(OpportunityRepository opportunities, OpportunityHistoryRepository history,
                       FunnelQueries funnelQueries, OpportunityAccess access, OpportunityJournal journal,
                       AccountService accounts, SalesProcessService processes, Clock clock, RelatedTeams teams) {
        this.teams = teams;
        this.opportunities = opportunities;
        this.history = history;
        this.funnelQueries = funnelQueries;
        this.access = access;
        this.journal = journal;
        this.accounts = accounts;
        this.processes = processes;
        this.clock = clock;
    }

    /** The opportunity's related team (SPEC §3.1), for those who see the opportunity. */
    @Transactional(readOnly = true)
    public List<TeamMember> relatedTeam(UUID id) {
        TenantScope scope = access.requireWorker();
        return teams.members(access.visible(scope, id).id());
    }

    /** Replaces the opportunity's related team: those who may move the opportunity do. */
    @Transactional
    public List<TeamMember> replaceRelatedTeam(UUID id, RelatedTeamRequest request) {
        TenantScope scope = access.requireWorker();
        Opportunity opportunity = access.visible(scope, id);
        if (!access.canChange(scope, opportunity)) {
            throw ApiProblem.forbidden("only the opportunity's owner and superiors, its read/write team, users it is "
                    + "shared with read/write and managers may change its team");
        }
        return teams.replace(scope, RecordType.OPPORTUNITY, opportunity.id(), opportunity.storeId(),
                request.members());
    }

    @Transactional
    public OpportunityView create(NewOpportunity request) {
        TenantScope scope = access.requireWorker();
        AccountRef account;
        try {
            account = accounts.require(request.accountId());
        } catch (ApiProblem notFound) {
            throw ApiProblem.invalidField("accountId", "no such account");
        }
        SalesProcessView process = processes.find(request.salesProcessId())
                .orElseThrow(() -> ApiProblem.invalidField("salesProcessId", "no such sales process"));
        SalesProcessView.StageView stage = request.stageId() == null ? process.stages().get(0)
                : process.stage(request.stageId());
        if (stage == null) {
            throw ApiProblem.invalidField("stageId", "is not a stage of the sales process");
        }
        Instant now = Instant.now(clock);
        Opportunity opportunity = Opportunity.open(new Opportunity.Details(account.storeId(), account.id(),
                request.name().strip(), request.amount(), process.id(), request.expectedCloseDate(), scope.userId(),
                request.productLine()), stage.id(), stage.position(), now);
        opportunities.saveAndFlush(opportunity);
        journal.record(scope, opportunity.created(), null, now);
        return view(opportunity, process);
    }

    /** For the conversion rule "no duplicate opportunity name under one account" (lead manual 4.4). */
    @Transactional(readOnly = true)
    public boolean nameTakenUnder(UUID accountId, String name) {
        access.requireWorker();
        return opportunities.nameTakenUnder(accountId, name);
    }

    @Transactional(readOnly = true)
    public OpportunityView get(UUID id) {
        TenantScope scope = access.requireWorker();
        Opportunity opportunity = access.visible(scope, id);
        return view(opportunity, processes.find(opportunity.processId()).orElseThrow());
    }

    @Transactional(readOnly = true)
    public PageResponse<OpportunityView> list(UUID storeId, UUID accountId, OpportunityStatus status, int page,
                                              int size, String sort) {
        TenantScope scope = access.requireWorker();
        var pageable = PageRequests.of(page, size, sort, SORTABLE, NEWEST_FIRST);
        Specification<Opportunity> spec = filter(scope, storeId);
        if (spec == null) {
            return new PageResponse<>(List.of(), page, size, 0);
        }
        if (accountId != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("accountId"), accountId));
        }
        if (status != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        Map<UUID, SalesProcessView> byId = processes.list().stream()
                .collect(Collectors.toMap(SalesProcessView::id, p -> p));
        return PageRequests.response(opportunities.findAll(spec, pageable), o -> view(o, byId.get(o.processId())));
    }

    @Transactional(readOnly = true)
    public List<OpportunityHistoryView> history(UUID id) {
        TenantScope scope = access.requireWorker();
        access.visible(scope, id);
        return history.findByOpportunityIdOrderByAtAscIdAsc(id).stream()
                .map(e -> new OpportunityHistoryView(e.action(), e.fromStage(), e.toStage(), e.fromStatus(),
                        e.toStatus(), e.secondsInStage(), e.reason(), e.actorId(), e.at()))
                .toList();
    }

    /**
     * The funnel over the opportunities the caller sees (visible by owner, see {@link Visibility}),
     * filtered by store, owner, process and expected close, from the database's running totals
     * ({@link FunnelQueries}).
     */
    @Transactional(readOnly = true)
    public Funnel funnel(UUID storeId, UUID ownerId, UUID salesProcessId, LocalDate closeFrom, LocalDate closeTo) {
        TenantScope scope = access.requireWorker();
        List<SalesProcessView> shown = salesProcessId == null ? processes.list()
                : processes.find(salesProcessId).map(List::of)
                        .orElseThrow(() -> ApiProblem.invalidField("salesProcessId", "no such sales process"));
        List<FunnelCalculator.StageDef> stages = shown.stream().flatMap(p -> p.stages().stream()
                .map(s -> new FunnelCalculator.StageDef(s.id(), p.id(), s.position(), s.name(), s.probability())))
                .toList();
        Set<UUID> stores = visibleStores(scope, storeId);
        // opportunities are visible by owner (access.visibleIn): every owner's, or the readable owners'
        Visibility visibility = access.visibility(scope);
        Set<UUID> owners = visibility.wholeStores() ? null : visibility.readableOwners();
        if (ownerId != null) {
            owners = owners == null || owners.contains(ownerId) ? Set.of(ownerId) : Set.of();
        }
        if (stores.isEmpty() || (owners != null && owners.isEmpty())) {
            return FunnelCalculator.funnel(stages, List.of(), List.of());
        }
        FunnelQueries.Selection selection = new FunnelQueries.Selection(stores, owners, salesProcessId, closeFrom,
                closeTo);
        List<FunnelQueries.Group> groups = funnelQueries.groups(selection);
        List<FunnelQueries.Stays> stayTotals = funnelQueries.stays(selection);
        List<FunnelCalculator.Deal> deals = groups.stream()
                .map(g -> new FunnelCalculator.Deal(g.processId(), g.stageId(), g.status(), g.amount(),
                        g.furthestPosition(), g.count()))
                .toList();
        List<FunnelCalculator.Stay> stays = stayTotals.stream()
                .map(s -> new FunnelCalculator.Stay(s.stageId(), s.seconds(), s.count())).toList();
        return FunnelCalculator.funnel(stages, deals, stays);
    }

    /** Average days from creation to win per product line (SPEC §3.5 average cycle). */
    @Transactional(readOnly = true)
    public List<CycleTime> cycleTimes(UUID storeId) {
        TenantScope scope = access.requireWorker();
        Specification<Opportunity> spec = filter(scope, storeId);
        if (spec == null) {
            return List.of();
        }
        spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), OpportunityStatus.WON));
        Map<String, List<Opportunity>> byLine = opportunities.findAll(spec).stream()
                .collect(Collectors.groupingBy(o -> o.productLine() == null ? "" : o.productLine(), TreeMap::new,
                        Collectors.toList()));
        return byLine.entrySet().stream().map(e -> new CycleTime(e.getKey().isEmpty() ? null : e.getKey(),
                e.getValue().size(), BigDecimal.valueOf(e.getValue().stream()
                        .mapToLong(o -> Duration.between(o.getCreatedAt(), o.closedAt()).toSeconds()).sum())
                        .divide(BigDecimal.valueOf(86_400L * e.getValue().size()), 2, RoundingMode.HALF_UP)))
                .toList();
    }

    private static Set<UUID> visibleStores(TenantScope scope, UUID storeId) {
        return storeId == null ? scope.storeIds() : scope.canSeeStore(storeId) ? Set.of(storeId) : Set.of();
    }

    private Specification<Opportunity> filter(TenantScope scope, UUID storeId) {
        Set<UUID> stores = visibleStores(scope, storeId);
        return stores.isEmpty() ? null : access.visibleIn(scope, stores);
    }

    static OpportunityView view(Opportunity o, SalesProcessView process) {
        SalesProcessView.StageView stage = process == null ? null : process.stage(o.stageId());
        return new OpportunityView(o.id(), o.storeId(), o.accountId(), o.name(), o.amount(), o.processId(),
                o.stageId(), stage == null ? null : stage.name(), stage == null ? null : stage.probability(),
                o.status(), o.expectedCloseDate(), o.ownerId(), o.productLine(), o.stageEnteredAt(),
                o.pendingStageId(), o.closeReason(), o.closedAt(), Feedback.read(o.feedbackJson()),
                o.completedTasks(), o.getCreatedAt(), o.getCreatedBy(), o.getUpdatedAt());
    }
}
