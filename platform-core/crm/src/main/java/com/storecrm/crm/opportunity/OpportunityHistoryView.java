package com.storecrm.crm.opportunity;

import java.time.Instant;
import java.util.UUID;

public record OpportunityHistoryView(OpportunityAction action, UUID fromStage, UUID toStage,
                                     OpportunityStatus fromStatus, OpportunityStatus toStatus, Long secondsInStage,
                                     String reason, UUID actorId, Instant at) {
}
