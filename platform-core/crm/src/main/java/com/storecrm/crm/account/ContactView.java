package com.storecrm.crm.account;

import java.time.Instant;
import java.util.UUID;

public record ContactView(UUID id, UUID accountId, String name, String title, String mobile, String chatId,
                          String email, Instant createdAt) {
}
