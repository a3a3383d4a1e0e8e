package com.storecrm.crm.account;

import java.util.UUID;

/** What other features need of a customer the caller may see: its store, owner and location. */
public record AccountRef(UUID id, UUID storeId, String name, UUID ownerId, OwnershipStatus ownership, Double latitude,
                         Double longitude) {
}
