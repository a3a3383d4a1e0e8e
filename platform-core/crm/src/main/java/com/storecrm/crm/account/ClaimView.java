package com.storecrm.crm.account;

import java.time.Instant;
import java.util.UUID;

/** A claim application with its audit: what the applicant and the supervisor both follow. */
public record ClaimView(UUID id, UUID storeId, UUID accountId, UUID applicantId, String reason, String status,
                        Instant appliedAt, UUID decidedBy, Instant decidedAt, String decisionNote) {
}
