package com.storecrm.crm.lead;

import com.storecrm.crm.campaign.Campaigns;
import com.storecrm.crm.lead.internal.BusinessCard;
import com.storecrm.crm.lead.internal.BusinessCardRepository;
import com.storecrm.crm.lead.internal.Lead;
import com.storecrm.crm.lead.internal.LeadField;
import com.storecrm.crm.lead.internal.LeadKeys;
import com.storecrm.crm.lead.internal.LeadRepository;
import com.storecrm.crm.lead.internal.NewLeadRows;
import com.storecrm.crm.lead.internal.LeadSpecifications;
import com.storecrm.crm.lead.internal.TeamMember;
import com.storecrm.crm.organisation.Visibility;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.jpa.CappedPages;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import com.storecrm.tenancy.catalog.CatalogReader;
import com.storecrm.tenancy.web.ApiProblem;
import com.storecrm.tenancy.web.PageRequests;
import com.storecrm.tenancy.web.PageResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creating and finding leads within the caller's stores. Every read and write is scoped to the
 * caller's stores and visibility here, and the database's row-level security checks the stores again.
 */
@Service
public class LeadService {

    static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "updatedAt", "updatedAt",
            "name", "name", "status", "status", "nextFollowUpOn", "nextFollowUpOn");
    static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id"));

    private final LeadRepository leads;
    private final LeadAccess access;
    private final LeadFields fields;
    private final LeadSources sources;
    private final LeadJournal journal;
    private final CatalogReader catalog;
    private final Campaigns campaigns;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ObjectProvider<LeadPoolDirectory> pools;
    private final BusinessCardRepository cards;

    @PersistenceContext
    private EntityManager entityManager;

    /** Lists count their leads exactly up to this many; beyond it the total is a lower bound. */
    @Value("${crm.leads.list-count-cap:10000}")
    private int countCap;
    private final LeadKeys keys;
    private final NewLeadRows newLeadRows;

    LeadService(LeadRepository leads, LeadAccess access, LeadFields fields, LeadSources sources, LeadJournal journal,
                CatalogReader catalog, Campaigns campaigns, Clock clock, PlatformTransactionManager transactions,
                ObjectProvider<LeadPoolDirectory> pools, BusinessCardRepository cards, LeadKeys keys,
                NewLeadRows newLeadRows) {
        this.pools = pools;
        this.cards = cards;
        this.keys = keys;
        this.newLeadRows = newLeadRows;
        this.leads = leads;
        this.access = access;
        this.fields = fields;
        this.sources = sources;
        this.journal = journal;
        this.catalog = catalog;
        this.campaigns = campaigns;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * A lead created by the caller is Pending and owned by the caller (SPEC §3.2); one created into a
     * pool is Unassigned, or Pending for the pool's default assignee (lead pool manual 5.2). A phone
     * number or email address already on a live lead of the store is a 409 naming that lead; the
     * unique indexes decide when two creations race, so exactly one of them wins.
     */
    public LeadView create(NewLead request) {
        return create(request, lead -> { });
    }

    /**
     * A lead from a scanned business card: created as any lead (same rules, same duplicate check), and
     * the whole card kept with it in the same transaction.
     */
    public LeadView createFromCard(NewBusinessCard card) {
        return create(card.toLead(), lead -> cards.save(BusinessCard.of(lead, new BusinessCard.Text(card.jobTitle(),
                card.department(), card.mobile(), card.phone(), card.fax(), card.email(), card.wechat(),
                card.address(), card.website(), card.note()), lead.getCreatedBy(), lead.getCreatedAt())));
    }

    @Transactional(readOnly = true)
    public BusinessCardView businessCard(UUID leadId) {
        TenantScope scope = access.requireLeadWorker();
        Lead lead = access.visible(scope, leadId);
        BusinessCard card = cards.findById(lead.id()).orElseThrow(() -> ApiProblem.notFound("business card"));
        BusinessCard.Text text = card.text();
        return new BusinessCardView(card.leadId(), text.jobTitle(), text.department(), text.mobile(), text.phone(),
                text.fax(), text.email(), text.wechat(), text.address(), text.website(), text.note(), card.scannedAt(),
                card.scannedBy());
    }

    /** Creates the lead and, in the same transaction, whatever else belongs to it. */
    private LeadView create(NewLead request, Consumer<Lead> alongside) {
        TenantScope scope = access.requireLeadWorker();
        try {
            return transaction.execute(status -> {
                Lead lead = admit(scope, request);
                alongside.accept(lead);
                return toView(lead);
            });
        } catch (DataIntegrityViolationException collision) {
            if (!String.valueOf(collision.getMostSpecificCause().getMessage()).contains("lead_unique_")) {
                throw collision;
            }
            throw transaction.execute(status -> duplicateOf(request)
                    .orElseGet(() -> ApiProblem.conflict("a lead with this phone number or email exists already")));
        }
    }

    /**
     * Checks a new lead against every rule of creation and saves it, owned by the acting user; the
     * first broken rule is thrown as an {@link ApiProblem}. Shared by the API and {@link LeadIntake}.
     */
    Lead admit(TenantScope scope, NewLead request) {
        if (!scope.canSeeStore(request.storeId())) {
            throw ApiProblem.invalidField("storeId", "no such store");
        }
        if (request.campaignId() != null && !campaigns.exists(request.storeId(), request.campaignId())) {
            throw ApiProblem.invalidField("campaignId", "no such campaign in the lead's store");
        }
        UUID owner = scope.userId();
        if (request.poolId() != null) {
            owner = pools.getIfAvailable(() -> (pool, store) -> Optional.empty())
                    .entryFor(request.poolId(), request.storeId())
                    .orElseThrow(() -> ApiProblem.invalidField("poolId", "no such lead pool in the store"))
                    .defaultAssignee();
        }
        sources.requireOffered(request.source());
        String customFields = fields.validate(request.customFields());
        Map<UUID, TeamMember.Access> team = team(scope, request);
        duplicateOf(request).ifPresent(duplicate -> {
            throw duplicate;
        });
        Lead lead = Lead.create(request.storeId(), new Lead.Details(request.name(), request.company(), request.phone(),
                        request.email(), request.chatId(), request.region(), request.industry(), request.source(),
                        request.campaignId()), owner, request.poolId(), customFields, team);
        leads.saveAndFlush(lead);
        journal.record(scope, lead.created(), null);
        return lead;
    }

    /**
     * {@link #admit} for many leads at once (file imports), with the same rules in the same order and
     * the same answers, but each lookup made once for all of them: the custom field definitions, each
     * source and campaign named, and the duplicate check, which also refuses a lead that repeats the
     * phone number or email address of one admitted earlier in the same call. The new leads and
     * their history are written with one statement each ({@link NewLeadRows}; one with a related team
     * is persisted and written by the caller's flush), and the unique indexes still refuse one that a
     * concurrent creation took meanwhile. Returns, in order, the saved {@link Lead} or the
     * {@link ApiProblem} of each.
     */
    List<Object> admitAll(TenantScope scope, List<NewLead> requests) {
        Map<String, LeadField> known = fields.definitions();
        Map<String, Boolean> offered = new HashMap<>();
        Map<List<UUID>, Boolean> campaignsInStores = new HashMap<>();
        List<Object> outcomes = new ArrayList<>(requests.size());
        List<Integer> candidates = new ArrayList<>();
        List<Prepared> prepared = new ArrayList<>();
        for (NewLead request : requests) {
            try {
                if (!scope.canSeeStore(request.storeId())) {
                    throw ApiProblem.invalidField("storeId", "no such store");
                }
                if (request.campaignId() != null && !campaignsInStores.computeIfAbsent(
                        List.of(request.storeId(), request.campaignId()),
                        key -> campaigns.exists(key.get(0), key.get(1)))) {
                    throw ApiProblem.invalidField("campaignId", "no such campaign in the lead's store");
                }
                UUID owner = scope.userId();
                if (request.poolId() != null) {
                    owner = pools.getIfAvailable(() -> (pool, store) -> Optional.empty())
                            .entryFor(request.poolId(), request.storeId())
                            .orElseThrow(() -> ApiProblem.invalidField("poolId", "no such lead pool in the store"))
                            .defaultAssignee();
                }
                if (request.source() != null && !offered.computeIfAbsent(request.source(), sources::offers)) {
                    sources.requireOffered(request.source());
                }
                String customFields = fields.validate(request.customFields(), known);
                Map<UUID, TeamMember.Access> team = team(scope, request);
                candidates.add(outcomes.size());
                prepared.add(new Prepared(request, owner, customFields, team));
                outcomes.add(null);
            } catch (ApiProblem refused) {
                outcomes.add(refused);
            }
        }
        List<LeadKeys.Keys> found = keys.lookUp(prepared.stream().map(p -> p.request().storeId()).toList(),
                prepared.stream().map(p -> p.request().phone()).toList(),
                prepared.stream().map(p -> p.request().email()).toList());
        Map<List<Object>, UUID> admitted = new HashMap<>();
        List<Lead> written = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            Prepared candidate = prepared.get(i);
            NewLead request = candidate.request();
            LeadKeys.Keys key = found.get(i);
            UUID phoneHolder = blank(request.phone()) ? null : holder(key.phoneHolder(), admitted,
                    List.of("phone", request.storeId(), String.valueOf(key.phoneKey())), key.phoneKey());
            UUID emailHolder = blank(request.email()) ? null : holder(key.emailHolder(), admitted,
                    List.of("email", request.storeId(), String.valueOf(key.emailKey())), key.emailKey());
            if (phoneHolder != null || emailHolder != null) {
                outcomes.set(candidates.get(i), phoneHolder != null ? duplicate("phone", phoneHolder)
                        : duplicate("email", emailHolder));
                continue;
            }
            Lead lead = Lead.create(request.storeId(), new Lead.Details(request.name(), request.company(),
                            request.phone(), request.email(), request.chatId(), request.region(), request.industry(),
                            request.source(), request.campaignId()), candidate.owner(), request.poolId(),
                    candidate.customFields(), candidate.team());
            if (NewLeadRows.fits(lead)) {
                written.add(lead);
            } else {
                leads.save(lead);
                journal.record(scope, lead.created(), null);
            }
            if (key.phoneKey() != null) {
                admitted.put(List.of("phone", request.storeId(), key.phoneKey()), lead.id());
            }
            if (key.emailKey() != null) {
                admitted.put(List.of("email", request.storeId(), key.emailKey()), lead.id());
            }
            outcomes.set(candidates.get(i), lead);
        }
        Instant now = Instant.now(clock);
        newLeadRows.insert(written, scope.userId(), now);
        journal.recordCreated(scope, written.stream().map(Lead::created).toList(), now);
        return outcomes;
    }

    /** A lead that passed every rule but the duplicate check, with what it will be saved with. */
    private record Prepared(NewLead request, UUID owner, String customFields, Map<UUID, TeamMember.Access> team) {
    }

    /** The live lead holding a key: one in the database, or one admitted earlier in the same batch. */
    private static UUID holder(UUID inDatabase, Map<List<Object>, UUID> admitted, List<Object> key, String value) {
        if (inDatabase != null || value == null) {
            return inDatabase;
        }
        return admitted.get(key);
    }

    private Optional<ApiProblem> duplicateOf(NewLead request) {
        Optional<UUID> byPhone = blank(request.phone()) ? Optional.empty()
                : leads.livePhoneHolder(request.storeId(), request.phone());
        if (byPhone.isPresent()) {
            return byPhone.map(id -> duplicate("phone", id));
        }
        Optional<UUID> byEmail = blank(request.email()) ? Optional.empty()
                : leads.liveEmailHolder(request.storeId(), request.email());
        return byEmail.map(id -> duplicate("email", id));
    }

    private static ApiProblem duplicate(String field, UUID existing) {
        return ApiProblem.conflict("a lead with this " + field + " exists already in the store: " + existing,
                Map.of("field", field, "existingId", existing));
    }

    private Map<UUID, TeamMember.Access> team(TenantScope scope, NewLead request) {
        Map<UUID, TeamMember.Access> team = new LinkedHashMap<>();
        List<NewLead.TeamMemberRequest> members = request.relatedTeam() == null ? List.of() : request.relatedTeam();
        for (int i = 0; i < members.size(); i++) {
            NewLead.TeamMemberRequest member = members.get(i);
            boolean worksInStore = catalog.principal(member.userId())
                    .filter(p -> p.scope().tenantId().equals(scope.tenantId()))
                    .filter(p -> p.scope().canSeeStore(request.storeId()))
                    .isPresent();
            if (!worksInStore || team.containsKey(member.userId())) {
                throw ApiProblem.invalidField("relatedTeam[" + i + "].userId",
                        "must be a distinct user who works in the lead's store");
            }
            team.put(member.userId(), TeamMember.Access.valueOf(member.access().name()));
        }
        return team;
    }

    @Transactional(readOnly = true)
    public LeadView get(UUID id) {
        TenantScope scope = access.requireLeadWorker();
        return toView(access.visible(scope, id));
    }

    /** The contract's {@code GET /api/leads?status=&storeId=}: the "all" view. */
    @Transactional(readOnly = true)
    public PageResponse<LeadView> list(LeadStatus status, UUID storeId, int page, int size, String sort) {
        return list(LeadQuery.of(status, storeId), page, size, sort);
    }

    @Transactional(readOnly = true)
    public PageResponse<LeadView> list(LeadQuery query, int page, int size, String sort) {
        TenantScope scope = access.requireLeadWorker();
        Pageable pageable = PageRequests.of(page, size, sort, SORTABLE, NEWEST_FIRST);
        Specification<Lead> spec = specification(scope, query);
        if (spec == null) {
            return PageRequests.response(Page.<Lead>empty(pageable), LeadService::toView);
        }
        return CappedPages.page(entityManager, Lead.class, spec, pageable, countCap, LeadService::toView);
    }

    /** Every lead of the view, up to {@code limit} (export). */
    @Transactional(readOnly = true)
    public List<LeadView> all(LeadQuery query, String sort, int limit) {
        TenantScope scope = access.requireLeadWorker();
        Pageable pageable = PageRequests.of(0, 1, sort, SORTABLE, NEWEST_FIRST);
        Specification<Lead> spec = specification(scope, query);
        if (spec == null) {
            return List.of();
        }
        return leads.findAll(spec, PageRequest.of(0, limit, pageable.getSort())).map(LeadService::toView).getContent();
    }

    /** The tenant's custom field keys in column order (export). */
    @Transactional(readOnly = true)
    public List<String> customFieldKeys() {
        access.requireLeadWorker();
        return List.copyOf(fields.definitions().keySet());
    }

    /** The view and filters under the caller's visibility; {@code null} when nothing can match. */
    private Specification<Lead> specification(TenantScope scope, LeadQuery query) {
        Set<UUID> stores = scope.storeIds();
        if (query.storeId() != null) {
            stores = scope.canSeeStore(query.storeId()) ? Set.of(query.storeId()) : Set.of();
        }
        if (query.view() == LeadViewName.discarded && !LeadAccess.isAdmin(scope)) {
            throw ApiProblem.forbidden("only the tenant administrator sees discarded leads");
        }
        List<Specification<Lead>> rules = new ArrayList<>();
        Visibility visibility = access.visibility(scope);
        rules.add(access.visibleIn(scope, visibility, stores));
        LocalDate today = LocalDate.now(clock);
        switch (query.view()) {
            case all -> rules.add(LeadSpecifications.notDiscarded());
            case mine -> rules.add(LeadSpecifications.ownedBy(scope.userId()));
            case participatedByMe -> rules.add(Visibility.ownedByOrOnTeam("ownerId", access.teamFilter(),
                    Set.of(scope.userId())));
            case myOverdue -> {
                rules.add(LeadSpecifications.ownedBy(scope.userId()));
                rules.add(LeadSpecifications.statusIn(List.of(LeadStatus.PENDING, LeadStatus.IN_PROGRESS)));
                rules.add(LeadSpecifications.followUpBefore(today));
            }
            case pendingMyFollowUp -> {
                rules.add(LeadSpecifications.ownedBy(scope.userId()));
                rules.add(LeadSpecifications.statusIn(List.of(LeadStatus.PENDING, LeadStatus.IN_PROGRESS)));
                rules.add(LeadSpecifications.followUpDueBy(today));
            }
            case subordinatesLeads -> rules.add(Visibility.ownedByAny("ownerId", visibility.subordinates()));
            case subordinatesParticipations -> rules.add(Visibility.ownedByOrOnTeam("ownerId",
                    access.teamFilter(), visibility.subordinates()));
            case sharedWithMe -> rules.add(Visibility.ownedByAny("ownerId", visibility.sharedOwners()));
            case myResponsibleDepartments -> rules.add(Visibility.ownedByOrOnTeam("ownerId",
                    access.teamFilter(), visibility.responsible()));
            case discarded -> rules.add(LeadSpecifications.statusIn(List.of(LeadStatus.DISCARDED)));
        }
        if (!query.statuses().isEmpty()) {
            rules.add(LeadSpecifications.statusIn(query.statuses()));
        }
        if (!query.sources().isEmpty()) {
            rules.add(LeadSpecifications.sourceIn(query.sources()));
        }
        if (query.ownerId() != null) {
            rules.add(LeadSpecifications.ownedBy(query.ownerId()));
        }
        if (query.createdFrom() != null || query.createdTo() != null) {
            rules.add(LeadSpecifications.createdBetween(query.createdFrom(), query.createdTo()));
        }
        if (query.updatedFrom() != null || query.updatedTo() != null) {
            rules.add(LeadSpecifications.updatedBetween(query.updatedFrom(), query.updatedTo()));
        }
        rules.addAll(fields.filters(query.customFields()));
        return stores.isEmpty() ? null : Specification.allOf(rules);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static LeadView toView(Lead lead) {
        List<NewLead.TeamMemberRequest> team = lead.team().stream().map(member -> new NewLead.TeamMemberRequest(
                member.userId(), NewLead.TeamAccess.valueOf(member.access().name()))).toList();
        return new LeadView(lead.id(), lead.storeId(), lead.name(), lead.company(), lead.phone(), lead.email(),
                lead.chatId(), lead.region(), lead.industry(), lead.source(), lead.campaignId(), lead.poolId(),
                lead.status(), lead.ownerId(), LeadFields.read(lead.customFieldsJson()), team, lead.nextFollowUpOn(),
                lead.lastActivityAt(), lead.getCreatedAt(), lead.getCreatedBy(), lead.getUpdatedAt(),
                lead.getUpdatedBy());
    }
}
