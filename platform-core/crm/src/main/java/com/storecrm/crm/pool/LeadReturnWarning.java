package com.storecrm.crm.pool;

import java.time.Instant;
import java.util.UUID;

/** The owner has not followed up a pool lead; it goes back to the pool at {@code returnAt} unless they do. */
public record LeadReturnWarning(UUID tenantId, UUID storeId, UUID poolId, UUID leadId, UUID ownerId,
                                Instant returnAt) {
}
