package com.storecrm.crm.pool;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Leads (or, without {@code leadIds}, every lead of the pool) moved to another pool of the store. */
public record TransferBatch(@NotNull UUID targetPoolId, @Size(min = 1, max = 500) List<@NotNull UUID> leadIds) {
}
