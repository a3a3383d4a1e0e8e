package com.storecrm.crm.lead;

import java.util.Optional;
import java.util.UUID;

/**
 * Where a new lead created into a pool goes, answered by the pools feature (which depends on leads,
 * so leads ask through this interface instead of calling it).
 */
public interface LeadPoolDirectory {

    /**
     * The pool's entry rule for a lead of {@code storeId} created by the current caller; empty when
     * the caller cannot see such a pool in that store.
     *
     * @throws com.storecrm.tenancy.web.ApiProblem 403 when the caller sees the pool but may not add to it
     */
    Optional<Entry> entryFor(UUID poolId, UUID storeId);

    /** The owner a new lead of the pool gets at once (the pool's default assignee), or none: Unassigned. */
    record Entry(UUID poolId, UUID defaultAssignee) {
    }
}
