package com.storecrm.crm.account;

import java.time.Instant;
import java.util.UUID;

public record OwnershipHistoryView(OwnershipAction action, OwnershipStatus from, OwnershipStatus to, UUID fromOwner,
                                   UUID toOwner, UUID claimId, String reason, UUID actorId, Instant at) {
}
