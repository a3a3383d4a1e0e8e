package com.storecrm.crm.pool;

import java.time.Instant;
import java.util.UUID;

/** A pool member claimed a lead of the pool. */
public record LeadClaimed(UUID tenantId, UUID storeId, UUID poolId, UUID leadId, UUID claimantId, Instant at) {
}
