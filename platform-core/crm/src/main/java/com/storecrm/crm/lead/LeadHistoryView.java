package com.storecrm.crm.lead;

import java.time.Instant;
import java.util.UUID;

/** One line of a lead's history: who ({@code actorId}), when ({@code at}), from, to, and why. */
public record LeadHistoryView(UUID id, LeadAction action, LeadStatus fromStatus, LeadStatus toStatus,
                              UUID fromOwnerId, UUID toOwnerId, UUID actorId, Instant at, String reason) {
}
