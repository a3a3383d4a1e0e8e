package com.storecrm.crm.account.internal;

import com.storecrm.crm.account.OwnershipAction;
import com.storecrm.crm.account.OwnershipStatus;
import java.util.UUID;

/** What one ownership action did to a customer, for its audit and events. */
public record OwnershipChange(UUID accountId, UUID storeId, OwnershipAction action, OwnershipStatus from,
                              OwnershipStatus to, UUID fromOwner, UUID toOwner) {
}
