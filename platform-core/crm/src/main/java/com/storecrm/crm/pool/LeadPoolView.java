package com.storecrm.crm.pool;

import java.util.Set;
import java.util.UUID;

/** A lead pool as the API shows it. */
public record LeadPoolView(UUID id, UUID storeId, String name, PoolType type, String region, String industry,
                           Set<UUID> adminIds, Set<UUID> memberIds, UUID defaultAssigneeId,
                           Integer followUpTimeoutHours, Integer returnWarningHours, boolean autoReturn,
                           Integer claimLimit, Integer dailyClaimLimit) {
}
