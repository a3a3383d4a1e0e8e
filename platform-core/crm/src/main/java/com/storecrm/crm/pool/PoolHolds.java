package com.storecrm.crm.pool;

import com.storecrm.crm.lead.LeadAssigned;
import com.storecrm.crm.lead.LeadStatus;
import com.storecrm.crm.lead.LeadStatusChanged;
import com.storecrm.crm.pool.internal.LeadPoolRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the follow-up clock of pool leads (SPEC §3.3 timeout): it starts when a pool lead gets an
 * owner - by claim, assignment, or creation for the default assignee, whichever route - and stops
 * when the lead leaves Pending (followed up, marked invalid, returned, converted). Runs in the
 * transaction of the change, so the clock and the lead never disagree.
 */
@Component
class PoolHolds {

    private final LeadPoolRepository repository;

    PoolHolds(LeadPoolRepository repository) {
        this.repository = repository;
    }

    @EventListener
    void on(LeadAssigned assigned) {
        if (assigned.poolId() != null) {
            repository.startHold(assigned.leadId(), assigned.storeId(), assigned.poolId(), assigned.ownerId(),
                    assigned.at());
        }
    }

    @EventListener
    void on(LeadStatusChanged changed) {
        if (changed.to() != LeadStatus.PENDING) {
            repository.endHold(changed.leadId());
        }
    }
}
