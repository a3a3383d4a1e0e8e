package com.storecrm.crm.notification;

import java.time.Instant;
import java.util.UUID;

/** A notification as its recipient (and the webhook) sees it. */
public record NotificationView(UUID id, UUID tenantId, UUID storeId, UUID recipientId, NotificationKind kind,
                               UUID leadId, UUID poolId, String message, Instant createdAt, Instant readAt,
                               String webhookStatus) {
}
