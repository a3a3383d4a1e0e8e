package com.storecrm.crm.pool;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Leads a pool administrator gives to one member of the pool. */
public record AssignBatch(@NotNull @Size(min = 1, max = 500) List<@NotNull UUID> leadIds, @NotNull UUID ownerId,
                          @Size(max = 500) String reason) {
}
