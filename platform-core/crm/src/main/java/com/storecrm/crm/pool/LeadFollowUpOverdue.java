package com.storecrm.crm.pool;

import java.util.UUID;

/** A pool lead passed its follow-up timeout in a pool without automatic return: it is overdue. */
public record LeadFollowUpOverdue(UUID tenantId, UUID storeId, UUID poolId, UUID leadId, UUID ownerId) {
}
