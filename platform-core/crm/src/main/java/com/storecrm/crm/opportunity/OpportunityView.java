package com.storecrm.crm.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public record OpportunityView(UUID id, UUID storeId, UUID accountId, String name, BigDecimal amount,
                              UUID salesProcessId, UUID stageId, String stageName, BigDecimal probability,
                              OpportunityStatus status, LocalDate expectedCloseDate, UUID ownerId, String productLine,
                              Instant stageEnteredAt, UUID pendingStageId, String closeReason, Instant closedAt,
                              Map<String, Object> feedback, List<String> completedTasks, Instant createdAt,
                              UUID createdBy, Instant updatedAt) {
}
