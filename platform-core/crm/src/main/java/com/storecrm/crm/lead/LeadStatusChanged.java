package com.storecrm.crm.lead;

import java.time.Instant;
import java.util.UUID;

/**
 * A lead's status moved (including into its first status at creation, where {@code from} is null);
 * {@code poolId} is the lead's pool after the move, null outside pools.
 */
public record LeadStatusChanged(UUID tenantId, UUID storeId, UUID leadId, LeadAction action, LeadStatus from,
                                LeadStatus to, UUID changedBy, String reason, Instant at, UUID poolId) {
}
