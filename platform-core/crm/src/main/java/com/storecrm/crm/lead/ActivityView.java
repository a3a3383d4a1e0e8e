package com.storecrm.crm.lead;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A recorded sales activity; {@code recordedBy} is who recorded it. */
public record ActivityView(UUID id, UUID leadId, UUID storeId, NewActivity.ActivityKind kind, String result,
                           Instant occurredAt, LocalDate nextFollowUpOn, UUID recordedBy, Instant recordedAt) {
}
