package com.storecrm.crm.account;

import java.time.Instant;
import java.util.UUID;

/** A customer went to the high seas: released by its owner, or moved for want of a return visit. */
public record CustomerMovedToHighSeas(UUID tenantId, UUID storeId, UUID accountId, UUID previousOwnerId,
                                      OwnershipAction cause, String reason, Instant at) {
}
