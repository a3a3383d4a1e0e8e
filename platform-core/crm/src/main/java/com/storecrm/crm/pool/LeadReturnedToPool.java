package com.storecrm.crm.pool;

import java.time.Instant;
import java.util.UUID;

/** A lead went back to its pool without owner: returned by its owner, reclaimed, or timed out. */
public record LeadReturnedToPool(UUID tenantId, UUID storeId, UUID poolId, UUID leadId, UUID previousOwnerId,
                                 UUID by, Way way, String reason, Instant at) {

    public enum Way { RETURNED, RECLAIMED, TIMED_OUT }
}
