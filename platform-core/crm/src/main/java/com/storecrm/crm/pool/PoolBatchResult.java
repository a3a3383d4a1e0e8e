package com.storecrm.crm.pool;

import java.util.List;
import java.util.UUID;

/** The answer to assign, transfer, reclaim and return: the leads moved and the refused ones. */
public record PoolBatchResult(List<UUID> moved, List<Refusal> refused) {
}
