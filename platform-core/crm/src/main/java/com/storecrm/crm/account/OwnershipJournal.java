package com.storecrm.crm.account;

import com.storecrm.crm.account.internal.OwnershipChange;
import com.storecrm.crm.account.internal.OwnershipHistoryEntry;
import com.storecrm.crm.account.internal.OwnershipHistoryRepository;
import com.storecrm.tenancy.TenantScope;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Audits every ownership change and tells the rest of the CRM (notifications) in the same
 * transaction as the change: a refused or rolled-back change leaves neither behind.
 */
@Component
class OwnershipJournal {

    private final OwnershipHistoryRepository history;
    private final ApplicationEventPublisher events;

    OwnershipJournal(OwnershipHistoryRepository history, ApplicationEventPublisher events) {
        this.history = history;
        this.events = events;
    }

    void record(TenantScope actor, OwnershipChange change, java.util.UUID claimId, String reason, Instant at) {
        history.save(OwnershipHistoryEntry.of(change, claimId, actor.userId(), at, reason));
        announce(actor, change, reason, at);
    }

    /** Tells the rest of the CRM about a change whose history entry was written with it (the set-based sweep). */
    void announce(TenantScope actor, OwnershipChange change, String reason, Instant at) {
        if (change.to() == OwnershipStatus.HIGH_SEAS && CustomerOwnership.owned(change.from())) {
            events.publishEvent(new CustomerMovedToHighSeas(actor.tenantId(), change.storeId(), change.accountId(),
                    change.fromOwner(), change.action(), reason, at));
        }
    }

    void publish(Object event) {
        events.publishEvent(event);
    }
}
