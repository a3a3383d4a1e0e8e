package com.storecrm.crm.lead;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A lead as the API shows it. */
public record LeadView(UUID id, UUID storeId, String name, String company, String phone, String email,
                       String chatId, String region, String industry, String source, UUID campaignId, UUID poolId,
                       LeadStatus status, UUID ownerId, Map<String, Object> customFields,
                       List<NewLead.TeamMemberRequest> relatedTeam, LocalDate nextFollowUpOn, Instant lastActivityAt,
                       Instant createdAt, UUID createdBy, Instant updatedAt, UUID updatedBy) {
}
