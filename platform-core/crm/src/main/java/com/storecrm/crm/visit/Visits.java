package com.storecrm.crm.visit;

import com.storecrm.crm.account.AccountRef;
import com.storecrm.crm.account.AccountService;
import com.storecrm.crm.account.HighSeas;
import com.storecrm.crm.visit.internal.Visit;
import com.storecrm.crm.visit.internal.VisitRepository;
import com.storecrm.crm.visit.internal.VisitRule;
import com.storecrm.crm.visit.internal.VisitRuleRepository;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.catalog.CatalogReader;
import com.storecrm.tenancy.web.ApiProblem;
import com.storecrm.tenancy.web.PageRequests;
import com.storecrm.tenancy.web.PageResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planning and executing visits (SPEC §3.6, visit manual 3.4.1-3.4.2): a check-in farther from the
 * visit's target than the tenant's tolerance is refused, and a check-out completes the visit as the
 * customer's return visit in the same transaction.
 */
@Service
public class Visits {

    static final Map<String, String> SORTABLE = Map.of("plannedAt", "plannedAt", "createdAt", "createdAt",
            "checkedInAt", "checkedInAt");
    static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id"));

    private final VisitRepository visits;
    private final VisitRuleRepository rules;
    private final VisitAccess access;
    private final AccountService accounts;
    private final HighSeas highSeas;
    private final CatalogReader catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Visits(VisitRepository visits, VisitRuleRepository rules, VisitAccess access, AccountService accounts,
           HighSeas highSeas, CatalogReader catalog, ApplicationEventPublisher events, Clock clock) {
        this.visits = visits;
        this.rules = rules;
        this.access = access;
        this.accounts = accounts;
        this.highSeas = highSeas;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public VisitView plan(NewVisit request) {
        TenantScope scope = access.requireVisitor();
        AccountRef account;
        try {
            account = accounts.require(request.accountId());
        } catch (ApiProblem notFound) {
            throw ApiProblem.invalidField("accountId", "no such account");
        }
        if (request.kind() == VisitKind.PLANNED && request.plannedAt() == null) {
            throw ApiProblem.invalidField("plannedAt", "is required for a planned visit");
        }
        if ((request.targetLatitude() == null) != (request.targetLongitude() == null)) {
            throw ApiProblem.invalidField("targetLongitude", "latitude and longitude go together");
        }
        if (request.contactId() != null && accounts.contacts(account.id()).stream()
                .noneMatch(c -> c.id().equals(request.contactId()))) {
            throw ApiProblem.invalidField("contactId", "is not a contact of the account");
        }
        UUID visitor = request.visitorId() == null ? scope.userId() : request.visitorId();
        if (!visitor.equals(scope.userId())) {
            if (!VisitAccess.supervises(scope)) {
                throw ApiProblem.forbidden("only supervisors plan visits for others");
            }
            requireWorksIn(scope, visitor, account.storeId(), "visitorId");
        }
        Set<UUID> coVisitors = new LinkedHashSet<>(request.coVisitorIds() == null ? List.of() : request.coVisitorIds());
        coVisitors.remove(visitor);
        coVisitors.forEach(user -> requireWorksIn(scope, user, account.storeId(), "coVisitorIds"));
        boolean ownTarget = request.targetLatitude() != null;
        Visit visit = Visit.plan(new Visit.Plan(account.storeId(), account.id(), request.contactId(), visitor,
                List.copyOf(coVisitors), request.kind(), request.plannedAt(), request.purpose(),
                ownTarget ? request.targetLatitude() : account.latitude(),
                ownTarget ? request.targetLongitude() : account.longitude()));
        visits.saveAndFlush(visit);
        return toView(visit);
    }

    @Transactional(readOnly = true)
    public VisitView get(UUID id) {
        TenantScope scope = access.requireVisitor();
        return toView(access.visible(scope, id));
    }

    @Transactional(readOnly = true)
    public PageResponse<VisitView> list(UUID storeId, UUID visitorId, UUID accountId, VisitStatus status, int page,
                                        int size, String sort) {
        TenantScope scope = access.requireVisitor();
        var pageable = PageRequests.of(page, size, sort, SORTABLE, NEWEST_FIRST);
        Set<UUID> stores = storeId == null ? scope.storeIds()
                : scope.canSeeStore(storeId) ? Set.of(storeId) : Set.of();
        if (stores.isEmpty()) {
            return new PageResponse<>(List.of(), page, size, 0);
        }
        Specification<Visit> spec = access.visibleIn(scope, stores);
        if (visitorId != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("visitorId"), visitorId));
        }
        if (accountId != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("accountId"), accountId));
        }
        if (status != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        return PageRequests.response(visits.findAll(spec, pageable), Visits::toView);
    }

    /** The visits of a customer the caller may see (the customer profile). */
    @Transactional(readOnly = true)
    public List<VisitView> ofAccount(UUID accountId) {
        access.requireVisitor();
        accounts.require(accountId);
        return visits.findByAccountIdOrderByCreatedAtDesc(accountId).stream().map(Visits::toView).toList();
    }

    /**
     * The visitor arrives. Without a target (a customer without a location and none planned) the
     * check-in is recorded without a distance: there is nothing to measure against.
     */
    @Transactional
    public VisitView checkIn(UUID id, CheckInRequest request) {
        TenantScope scope = access.requireVisitor();
        Visit visit = access.visible(scope, id);
        VisitAccess.requireVisitor(scope, visit);
        Double distance = distanceToTarget(visit, request.latitude(), request.longitude());
        int tolerance = currentRule().checkInToleranceMeters();
        if (visit.status() == VisitStatus.PLANNED && distance != null && distance > tolerance) {
            long meters = Math.round(distance);
            throw ApiProblem.conflict("check-in refused: " + meters + " m from the customer's location, beyond the "
                    + "tolerance of " + tolerance + " m", Map.of("distanceMeters", meters, "toleranceMeters", tolerance));
        }
        legal(() -> {
            visit.checkIn(Instant.now(clock), request.latitude(), request.longitude(), distance);
            return visit;
        });
        visits.saveAndFlush(visit);
        return toView(visit);
    }

    /** The visitor leaves: the visit is completed and counts as the customer's return visit (SPEC §3.4). */
    @Transactional
    public VisitView checkOut(UUID id, CheckOutRequest request) {
        TenantScope scope = access.requireVisitor();
        Visit visit = access.visible(scope, id);
        VisitAccess.requireVisitor(scope, visit);
        Instant now = Instant.now(clock);
        String collected = CollectedData.write(request.collectedData());
        legal(() -> {
            visit.checkOut(now, request.latitude(), request.longitude(),
                    distanceToTarget(visit, request.latitude(), request.longitude()), collected, request.summary());
            return visit;
        });
        visits.saveAndFlush(visit);
        highSeas.recordReturnVisit(visit.accountId(), visit.visitorId(), now);
        events.publishEvent(new VisitCompleted(scope.tenantId(), visit.storeId(), visit.id(), visit.accountId(),
                visit.visitorId(), visit.coVisitorIds(), visit.kind(), visit.checkedInAt(), visit.checkedOutAt(),
                visit.durationSeconds()));
        return toView(visit);
    }

    /** The visitor or a supervisor calls a visit off; a completed visit stays completed. */
    @Transactional
    public VisitView cancel(UUID id, String reason) {
        TenantScope scope = access.requireVisitor();
        Visit visit = access.visible(scope, id);
        if (!VisitAccess.supervises(scope) && !scope.userId().equals(visit.visitorId())) {
            throw ApiProblem.forbidden("only the visitor or a supervisor cancels a visit");
        }
        legal(() -> {
            visit.cancel(reason);
            return visit;
        });
        visits.saveAndFlush(visit);
        return toView(visit);
    }

    @Transactional(readOnly = true)
    public VisitRules rules() {
        access.requireVisitor();
        return new VisitRules(currentRule().checkInToleranceMeters());
    }

    @Transactional
    public VisitRules changeRules(VisitRules request) {
        TenantScope scope = access.requireVisitor();
        if (!scope.has(PlatformRole.TENANT_ADMIN)) {
            throw ApiProblem.forbidden("only the tenant administrator may change the visit rules");
        }
        VisitRule rule = currentRule();
        rule.change(request.checkInToleranceMeters(), scope.userId(), Instant.now(clock));
        rules.saveAndFlush(rule);
        return new VisitRules(rule.checkInToleranceMeters());
    }

    private VisitRule currentRule() {
        return rules.findById(VisitRule.ID).orElseThrow(() -> new IllegalStateException("no visit rules"));
    }

    private void requireWorksIn(TenantScope scope, UUID user, UUID storeId, String field) {
        boolean works = catalog.principal(user)
                .filter(p -> p.scope().tenantId().equals(scope.tenantId()) && p.mayAct())
                .filter(p -> p.scope().canSeeStore(storeId))
                .isPresent();
        if (!works) {
            throw ApiProblem.invalidField(field, "must be an active user who works in the customer's store");
        }
    }

    private static Double distanceToTarget(Visit visit, double latitude, double longitude) {
        return visit.hasTarget() ? Distance.meters(visit.targetLatitude(), visit.targetLongitude(), latitude, longitude)
                : null;
    }

    private static <T> T legal(Supplier<T> move) {
        try {
            return move.get();
        } catch (IllegalVisitTransition refused) {
            throw ApiProblem.conflict(refused.getMessage(), Map.of("currentStatus", refused.current().name(),
                    "action", refused.action().name()));
        }
    }

    static VisitView toView(Visit v) {
        return new VisitView(v.id(), v.storeId(), v.accountId(), v.contactId(), v.visitorId(), v.coVisitorIds(),
                v.kind(), v.status(), v.plannedAt(), v.purpose(), v.targetLatitude(), v.targetLongitude(),
                v.checkedInAt(), v.checkInLatitude(), v.checkInLongitude(), v.checkInDistanceMeters(),
                v.checkedOutAt(), v.checkOutLatitude(), v.checkOutLongitude(), v.checkOutDistanceMeters(),
                v.durationSeconds(), CollectedData.read(v.collectedDataJson()), v.summary(), v.cancelReason(),
                v.getCreatedAt(), v.getCreatedBy());
    }
}
