package com.storecrm.crm.opportunity;

import com.storecrm.crm.opportunity.internal.OpportunityHistoryEntry;
import com.storecrm.crm.opportunity.internal.OpportunityHistoryRepository;
import com.storecrm.crm.opportunity.internal.OpportunityMove;
import com.storecrm.tenancy.TenantScope;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Writes each opportunity move into its history and publishes it, in the move's transaction. */
@Component
class OpportunityJournal {

    private final OpportunityHistoryRepository history;
    private final ApplicationEventPublisher events;

    OpportunityJournal(OpportunityHistoryRepository history, ApplicationEventPublisher events) {
        this.history = history;
        this.events = events;
    }

    void record(TenantScope actor, OpportunityMove move, String reason, Instant at) {
        history.save(OpportunityHistoryEntry.of(move, actor.userId(), at, reason));
        events.publishEvent(new OpportunityStageChanged(actor.tenantId(), move.storeId(), move.opportunityId(),
                move.action(), move.fromStage(), move.toStage(), move.toStatus(), actor.userId(), at));
    }
}
