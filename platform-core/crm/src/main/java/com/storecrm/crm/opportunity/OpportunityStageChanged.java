package com.storecrm.crm.opportunity;

import java.time.Instant;
import java.util.UUID;

/** An opportunity was created, moved, asked to move, or ended. */
public record OpportunityStageChanged(UUID tenantId, UUID storeId, UUID opportunityId, OpportunityAction action,
                                      UUID fromStage, UUID toStage, OpportunityStatus status, UUID actorId,
                                      Instant at) {
}
