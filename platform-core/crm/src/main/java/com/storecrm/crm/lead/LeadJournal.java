package com.storecrm.crm.lead;

import com.storecrm.crm.lead.internal.LeadChange;
import com.storecrm.crm.lead.internal.LeadHistoryEntry;
import com.storecrm.crm.lead.internal.LeadHistoryRepository;
import com.storecrm.tenancy.TenantScope;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes what an action did into the lead's history and tells the rest of the CRM, in the same
 * transaction as the change itself: a refused or rolled-back change leaves neither behind.
 */
@Component
class LeadJournal {

    private final LeadHistoryRepository history;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeadJournal(LeadHistoryRepository history, ApplicationEventPublisher events, Clock clock) {
        this.history = history;
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
