package com.storecrm.crm.visit;

import com.storecrm.crm.visit.internal.Visit;
import com.storecrm.crm.visit.internal.VisitRepository;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planned versus completed visits per store and visitor (visit manual 3.4.3). Reps see their own
 * figures, supervisors everyone's in their stores. Days are UTC days, as the service runs in UTC.
 */
@Service
public class VisitStatistics {

    private static final int LONGEST_PERIOD_DAYS = 366;

    private final VisitRepository visits;
    private final VisitAccess access;

    VisitStatistics(VisitRepository visits, VisitAccess access) {
        this.visits = visits;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public VisitStats stats(LocalDate from, LocalDate to, UUID storeId, UUID visitorId) {
        TenantScope scope = access.requireVisitor();
        if (from == null) {
            throw ApiProblem.invalidField("from", "is required");
        }
        if (to == null) {
            throw ApiProblem.invalidField("to", "is required");
        }
        if (to.isBefore(from) || to.isAfter(from.plusDays(LONGEST_PERIOD_DAYS))) {
            throw ApiProblem.invalidField("to", "must be on or after from, within " + LONGEST_PERIOD_DAYS + " days");
        }
        Set<UUID> stores = storeId == null ? scope.storeIds()
                : scope.canSeeStore(storeId) ? Set.of(storeId) : Set.of();
        UUID onlyVisitor = VisitAccess.supervises(scope) ? visitorId : scope.userId();
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Visit> found = stores.isEmpty() ? List.of() : visits.inPeriod(stores, start, end).stream()
                .filter(v -> onlyVisitor == null || onlyVisitor.equals(v.visitorId())).toList();
        Predicate<Instant> inPeriod = at -> at != null && !at.isBefore(start) && at.isBefore(end);

        Map<String, List<Visit>> byStoreAndVisitor = new TreeMap<>();
        found.forEach(v -> byStoreAndVisitor.computeIfAbsent(v.storeId() + "/" + v.visitorId(), k -> new ArrayList<>())
                .add(v));
        List<VisitStats.Row> rows = byStoreAndVisitor.values().stream()
                .map(group -> row(group.get(0).storeId(), group.get(0).visitorId(), group, inPeriod))
                .sorted(Comparator.comparing((VisitStats.Row r) -> r.storeId().toString())
                        .thenComparing(r -> r.visitorId().toString()))
                .toList();
        return new VisitStats(from, to, rows, row(null, null, found, inPeriod));
    }

    private static VisitStats.Row row(UUID storeId, UUID visitorId, List<Visit> group, Predicate<Instant> inPeriod) {
        List<Visit> planned = group.stream()
                .filter(v -> v.kind() == VisitKind.PLANNED && inPeriod.test(v.plannedAt())).toList();
        long plannedCompleted = planned.stream().filter(v -> v.status() == VisitStatus.COMPLETED).count();
        long cancelled = planned.stream().filter(v -> v.status() == VisitStatus.CANCELLED).count();
        List<Visit> completed = group.stream()
                .filter(v -> v.status() == VisitStatus.COMPLETED && inPeriod.test(v.checkedOutAt())).toList();
        long adHoc = completed.stream().filter(v -> v.kind() == VisitKind.AD_HOC).count();
        Set<UUID> customers = new HashSet<>();
        completed.forEach(v -> customers.add(v.accountId()));
        Double rate = planned.isEmpty() ? null : (double) plannedCompleted / planned.size();
        return new VisitStats.Row(storeId, visitorId, planned.size(), plannedCompleted, completed.size(), adHoc,
                cancelled, customers.size(), rate);
    }
}
