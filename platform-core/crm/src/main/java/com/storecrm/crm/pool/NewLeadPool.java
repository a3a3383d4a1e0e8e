package com.storecrm.crm.pool;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A pool as the tenant administrator configures it. {@code claimLimit} is how many of the pool's
 * leads a member may hold at once, {@code dailyClaimLimit} how many they may claim per day (UTC);
 * {@code autoReturn} (default on) returns a lead with no follow-up within the timeout, after a
 * warning {@code returnWarningHours} before it (default a quarter of the timeout).
 */
public record NewLeadPool(
        @NotNull UUID storeId,
        @NotBlank @Size(max = 100) String name,
        @NotNull PoolType type,
        @Size(max = 100) String region,
        @Size(max = 100) String industry,
        @NotNull @Size(min = 1, max = 50) List<@NotNull UUID> adminIds,
        @Size(max = 500) List<@NotNull UUID> memberIds,
        UUID defaultAssigneeId,
        @Min(1) @Max(8760) Integer followUpTimeoutHours,
        @Min(0) @Max(8760) Integer returnWarningHours,
        Boolean autoReturn,
        @Min(1) @Max(10_000) Integer claimLimit,
        @Min(1) @Max(10_000) Integer dailyClaimLimit) {
}
