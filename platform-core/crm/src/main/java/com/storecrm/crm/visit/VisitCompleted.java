package com.storecrm.crm.visit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A visitor checked out: the visit is done and counted as the customer's return visit. */
public record VisitCompleted(UUID tenantId, UUID storeId, UUID visitId, UUID accountId, UUID visitorId,
                             List<UUID> coVisitorIds, VisitKind kind, Instant checkedInAt, Instant checkedOutAt,
                             long durationSeconds) {
}
