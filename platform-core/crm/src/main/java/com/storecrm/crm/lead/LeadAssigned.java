package com.storecrm.crm.lead;

import java.time.Instant;
import java.util.UUID;

/** A lead got a (new) owner: on creation, by assignment or by a claim; {@code poolId} is null outside pools. */
public record LeadAssigned(UUID tenantId, UUID storeId, UUID leadId, UUID ownerId, UUID previousOwnerId,
                           UUID assignedBy, Instant at, UUID poolId) {
}
