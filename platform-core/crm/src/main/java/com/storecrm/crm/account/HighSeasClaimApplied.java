package com.storecrm.crm.account;

import java.time.Instant;
import java.util.UUID;

/** A rep applied to claim a customer from the high seas; the store's supervisors are to decide. */
public record HighSeasClaimApplied(UUID tenantId, UUID storeId, UUID accountId, UUID claimId, UUID applicantId,
                                   String reason, Instant at) {
}
