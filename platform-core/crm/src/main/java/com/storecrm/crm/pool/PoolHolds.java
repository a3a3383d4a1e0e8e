package com.storecrm.crm.pool;

import com.storecrm.crm.lead.LeadAssigned;
import com.storecrm.crm.lead.LeadStatus;
import com.storecrm.crm.lead.LeadStatusChanged;
import com.storecrm.crm.pool.internal.LeadPoolRepository;
import com.storecrm.crm.pool.internal.PoolWrites;
import com.storecrm.tenancy.jpa.BeforeCommitBuffer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the follow-up clock of pool leads (SPEC §3.3 timeout): it starts when a pool lead gets an
 * owner - by claim, assignment, or creation for the default assignee, whichever route - and stops
 * when the lead leaves Pending (followed up, marked invalid, returned, converted). Runs in the
 * transaction of the change, so the clock and the lead never disagree. Starts are written together
 * just before the commit (a claim of fifty leads is one statement); a stop first writes the starts
 * before it, so the clocks end as if each change had been written at once.
 */
@Component
class PoolHolds {

    private final LeadPoolRepository repository;
    private final BeforeCommitBuffer<PoolWrites.Hold> starts;

    PoolHolds(LeadPoolRepository repository, PoolWrites writes) {
        this.repository = repository;
        this.starts = new BeforeCommitBuffer<>(writes::startHolds);
    }

    @EventListener
    void on(LeadAssigned assigned) {
        if (assigned.poolId() != null) {
            PoolWrites.Hold hold = new PoolWrites.Hold(assigned.leadId(), assigned.storeId(), assigned.poolId(),
                    assigned.ownerId(), assigned.at());
            if (!starts.add(hold)) {
                throw new IllegalStateException("a lead was assigned outside a transaction");
            }
        }
    }

    @EventListener
    void on(LeadStatusChanged changed) {
        if (changed.to() != LeadStatus.PENDING) {
            starts.flush();
            repository.endHold(changed.leadId());
        }
    }
}
