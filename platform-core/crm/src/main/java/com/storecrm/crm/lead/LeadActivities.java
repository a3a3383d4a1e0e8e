package com.storecrm.crm.lead;

import com.storecrm.crm.lead.internal.Lead;
import com.storecrm.crm.lead.internal.LeadActivity;
import com.storecrm.crm.lead.internal.LeadActivityRepository;
import com.storecrm.crm.lead.internal.LeadRepository;
import com.storecrm.crm.lead.internal.LeadSpecifications;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import com.storecrm.tenancy.web.PageRequests;
import com.storecrm.tenancy.web.PageResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sales activities and follow-ups (SPEC §3.2): recording one moves a Pending (or Invalid) lead to
 * In Progress and plans the lead's next follow-up; reps see their due follow-ups, managers their
 * team's activity feed.
 */
@Service
public class LeadActivities {

    private static final Map<String, String> SORTABLE = Map.of("occurredAt", "occurredAt", "createdAt", "createdAt");
    private static final Sort LATEST_FIRST = Sort.by(Sort.Direction.DESC, "occurredAt").and(Sort.by("id"));

    private final LeadRepository leads;
    private final LeadActivityRepository activities;
    private final LeadAccess access;
    private final LeadJournal journal;
    private final Clock clock;

    LeadActivities(LeadRepository leads, LeadActivityRepository activities, LeadAccess access, LeadJournal journal,
                   Clock clock) {
        this.leads = leads;
        this.activities = activities;
        this.access = access;
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional
    public ActivityView record(UUID leadId, NewActivity request) {
        TenantScope scope = access.requireLeadWorker();
        Lead lead = access.visible(scope, leadId);
        access.requireCanWork(scope, lead);
        Instant now = Instant.now(clock);
        if (request.occurredAt() != null && request.occurredAt().isAfter(now)) {
            throw ApiProblem.invalidField("occurredAt", "must not be in the future");
        }
        if (request.nextFollowUpOn() != null && request.nextFollowUpOn().isBefore(LocalDate.now(clock))) {
            throw ApiProblem.invalidField("nextFollowUpOn", "must be today or later");
        }
        LeadActivity activity = LeadActivity.on(lead, LeadActivity.Kind.valueOf(request.kind().name()),
                request.result(), request.occurredAt() == null ? now : request.occurredAt(), request.nextFollowUpOn());
        try {
            journal.record(scope, lead.recordFollowUp(activity.id(), activity.occurredAt(), request.nextFollowUpOn()),
                    request.result());
        } catch (IllegalTransition refused) {
            throw LeadHandling.illegal(refused);
        }
        activities.save(activity);
        activities.flush();
        return toView(activity);
    }

    @Transactional(readOnly = true)
    public PageResponse<ActivityView> ofLead(UUID leadId, int page, int size, String sort) {
        TenantScope scope = access.requireLeadWorker();
        access.visible(scope, leadId);
        Pageable pageable = PageRequests.of(page, size, sort, SORTABLE, LATEST_FIRST);
        return PageRequests.response(activities.findByLeadId(leadId, pageable), LeadActivities::toView);
    }

    /** Every activity of a lead the caller sees, oldest first (conversion copies them to the customer). */
    @Transactional(readOnly = true)
    public List<ActivityView> allOf(UUID leadId) {
        TenantScope scope = access.requireLeadWorker();
        access.visible(scope, leadId);
        return activities.findByLeadId(leadId, Pageable.unpaged(Sort.by("occurredAt", "id"))).stream()
                .map(LeadActivities::toView).toList();
    }

    /**
     * The activity feed: managers see every activity in their stores (optionally one member's);
     * everyone else what they and their subordinates recorded and what happened on their leads
     * (optionally one of them).
     */
    @Transactional(readOnly = true)
    public PageResponse<ActivityView> feed(UUID storeId, UUID recordedBy, int page, int size, String sort) {
        TenantScope scope = access.requireLeadWorker();
        Pageable pageable = PageRequests.of(page, size, sort, SORTABLE, LATEST_FIRST);
        Set<UUID> stores = storeId == null ? scope.storeIds()
                : scope.canSeeStore(storeId) ? Set.of(storeId) : Set.of();
        if (stores.isEmpty()) {
            return PageRequests.response(Page.<LeadActivity>empty(pageable), LeadActivities::toView);
        }
        Page<LeadActivity> found;
        if (LeadAccess.managesStores(scope)) {
            found = activities.feed(stores, recordedBy, pageable);
        } else {
            Set<UUID> team = access.visibility(scope).writingTeamMembers();
            if (recordedBy == null) {
                found = activities.feedOf(stores, team, pageable);
            } else {
                found = team.contains(recordedBy) ? activities.feed(stores, recordedBy, pageable) : Page.empty(pageable);
            }
        }
        return PageRequests.response(found, LeadActivities::toView);
    }

    /** My leads being worked whose planned follow-up day is today or past, most overdue first. */
    @Transactional(readOnly = true)
    public List<DueFollowUp> myDueFollowUps() {
        TenantScope scope = access.requireLeadWorker();
        LocalDate today = LocalDate.now(clock);
        Specification<Lead> due = Specification.allOf(LeadSpecifications.inStores(scope.storeIds()),
                LeadSpecifications.ownedBy(scope.userId()),
                LeadSpecifications.statusIn(List.of(LeadStatus.PENDING, LeadStatus.IN_PROGRESS)),
                LeadSpecifications.followUpBefore(today.plusDays(1)));
        if (scope.storeIds().isEmpty()) {
            return List.of();
        }
        return leads.findAll(due, Sort.by("nextFollowUpOn", "id")).stream()
                .map(lead -> new DueFollowUp(lead.id(), lead.storeId(), lead.name(), lead.status(),
                        lead.nextFollowUpOn(), lead.nextFollowUpOn().isBefore(today)))
                .toList();
    }

    private static ActivityView toView(LeadActivity activity) {
        return new ActivityView(activity.id(), activity.leadId(), activity.storeId(),
                NewActivity.ActivityKind.valueOf(activity.kind().name()), activity.result(), activity.occurredAt(),
                activity.nextFollowUpOn(), activity.getCreatedBy(), activity.getCreatedAt());
    }
}
