package com.storecrm.crm.lead;

import com.storecrm.crm.lead.internal.LeadChange;
import com.storecrm.crm.lead.internal.LeadHistoryEntry;
import com.storecrm.crm.lead.internal.LeadHistoryRepository;
import com.storecrm.crm.lead.internal.NewLeadRows;
import com.storecrm.tenancy.TenantScope;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes what an action did into the lead's history and tells the rest of the CRM, in the same
 * transaction as the change itself: a refused or rolled-back change leaves neither behind.
 */
@Component
class LeadJournal {

    private final LeadHistoryRepository history;
    private final NewLeadRows newLeadRows;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeadJournal(LeadHistoryRepository history, NewLeadRows newLeadRows, ApplicationEventPublisher events, Clock clock) {
        this.history = history;
        this.newLeadRows = newLeadRows;
        this.events = events;
        this.clock = clock;
    }

    /** Records the change when it moved the status or the owner; a follow-up on an In Progress lead moves neither. */
    void record(TenantScope actor, LeadChange change, String reason) {
        if (!change.statusChanged() && !change.ownerChanged()) {
            return;
        }
        Instant now = Instant.now(clock);
        history.save(LeadHistoryEntry.of(change, actor.userId(), now, reason));
        announce(actor, change, reason, now);
    }

    /** {@link #record} for the creation of many leads at once (file imports), written with one statement. */
    void recordCreated(TenantScope actor, List<LeadChange> created, Instant now) {
        newLeadRows.insertHistory(created.stream()
                .map(change -> LeadHistoryEntry.of(change, actor.userId(), now, null)).toList());
        created.forEach(change -> announce(actor, change, null, now));
    }

    private void announce(TenantScope actor, LeadChange change, String reason, Instant now) {
        if (change.statusChanged()) {
            events.publishEvent(new LeadStatusChanged(actor.tenantId(), change.storeId(), change.leadId(),
                    change.action(), change.fromStatus(), change.toStatus(), actor.userId(), reason, now, change.poolId()));
        }
        if (change.ownerChanged() && change.toOwner() != null) {
            events.publishEvent(new LeadAssigned(actor.tenantId(), change.storeId(), change.leadId(),
                    change.toOwner(), change.fromOwner(), actor.userId(), now, change.poolId()));
        }
    }
}
