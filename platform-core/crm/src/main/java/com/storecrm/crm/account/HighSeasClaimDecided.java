package com.storecrm.crm.account;

import java.time.Instant;
import java.util.UUID;

/** A supervisor approved or refused a claim; when approved, the return visit is due by {@code returnVisitDueAt}. */
public record HighSeasClaimDecided(UUID tenantId, UUID storeId, UUID accountId, UUID claimId, UUID applicantId,
                                   boolean approved, UUID deciderId, String note, Instant returnVisitDueAt,
                                   Instant at) {
}
