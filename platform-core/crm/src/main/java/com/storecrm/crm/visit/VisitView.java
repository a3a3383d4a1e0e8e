package com.storecrm.crm.visit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public record VisitView(UUID id, UUID storeId, UUID accountId, UUID contactId, UUID visitorId,
                        List<UUID> coVisitorIds, VisitKind kind, VisitStatus status, Instant plannedAt, String purpose,
                        Double targetLatitude, Double targetLongitude, Instant checkedInAt, Double checkInLatitude,
                        Double checkInLongitude, Double checkInDistanceMeters, Instant checkedOutAt,
                        Double checkOutLatitude, Double checkOutLongitude, Double checkOutDistanceMeters,
                        Long durationSeconds, Map<String, Object> collectedData, String summary, String cancelReason,
                        Instant createdAt, UUID createdBy) {
}
