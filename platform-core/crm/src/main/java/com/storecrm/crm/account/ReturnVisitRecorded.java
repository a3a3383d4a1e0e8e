package com.storecrm.crm.account;

import java.time.Instant;
import java.util.UUID;

/** The owner completed a return visit; a claimed customer is now owned without condition. */
public record ReturnVisitRecorded(UUID tenantId, UUID storeId, UUID accountId, UUID ownerId, OwnershipStatus from,
                                  Instant at) {
}
