package com.storecrm.crm.account;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A customer profile as the API shows it. */
public record AccountView(UUID id, UUID storeId, String name, String tier, String province, String city, String address,
                          Double latitude, Double longitude, String mobile, String chatId, String productPreferences,
                          String purchaseIntention, List<String> tags, Map<String, Object> customFields,
                          OwnershipStatus ownership, UUID ownerId, Instant ownedSince, Instant lastReturnVisitAt,
                          Instant returnVisitDueAt, Instant inHighSeasSince, Instant createdAt, UUID createdBy,
                          Instant updatedAt, UUID updatedBy) {
}
