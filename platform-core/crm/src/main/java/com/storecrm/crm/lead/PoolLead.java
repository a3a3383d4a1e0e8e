package com.storecrm.crm.lead;

import java.util.Set;
import java.util.UUID;

/** What the pools feature needs to know of a lead to decide an operation on it. */
public record PoolLead(UUID id, UUID storeId, UUID poolId, LeadStatus status, UUID ownerId,
                       Set<UUID> readWriteTeam) {

    public PoolLead {
        readWriteTeam = Set.copyOf(readWriteTeam);
    }
}
