package com.storecrm.crm.pool;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * Leads to claim, reclaim or return, with the reason (a code of the tenant's return reasons when
 * returning and the tenant requires one).
 */
public record PoolBatch(@NotNull @Size(min = 1, max = 500) List<@NotNull UUID> leadIds,
                        @Size(max = 500) String reason) {
}
