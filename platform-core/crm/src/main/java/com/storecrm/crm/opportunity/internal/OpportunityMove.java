package com.storecrm.crm.opportunity.internal;

import com.storecrm.crm.opportunity.OpportunityAction;
import com.storecrm.crm.opportunity.OpportunityStatus;
import java.util.UUID;

/** What one action did to an opportunity; {@code secondsInStage} is how long it stood in the stage it left. */
public record OpportunityMove(UUID opportunityId, UUID storeId, OpportunityAction action, UUID fromStage,
                              UUID toStage, OpportunityStatus fromStatus, OpportunityStatus toStatus,
                              Long secondsInStage) {
}
