package com.storecrm.crm.lead;

import java.time.Instant;
import java.util.UUID;

/** A lead as the API shows it. */
public record LeadView(UUID id, UUID storeId, String name, String company, String phone, String email,
                       String source, UUID campaignId, UUID poolId, LeadStatus status, UUID ownerId,
                       Instant createdAt, UUID createdBy, Instant updatedAt, UUID updatedBy) {
}
