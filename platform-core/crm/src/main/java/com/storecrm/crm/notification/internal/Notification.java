package com.storecrm.crm.notification.internal;

import com.storecrm.crm.notification.NotificationKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One in-app notification of one user; written once per event and recipient. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    private UUID id;
    @Column(name = "store_id")
    private UUID storeId;
    @Column(name = "recipient_id")
    private UUID recipientId;
    @Enumerated(EnumType.STRING)
    private NotificationKind kind;
    @Column(name = "lead_id")
    private UUID leadId;
    @Column(name = "pool_id")
    private UUID poolId;
    private String message;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "read_at")
    private Instant readAt;
    @Column(name = "webhook_status")
    private String webhookStatus;

    protected Notification() {
    }

    public void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public UUID id() {
        return id;
    }

    public UUID storeId() {
        return storeId;
    }

    public UUID recipientId() {
        return recipientId;
    }

    public NotificationKind kind() {
        return kind;
    }

    public UUID leadId() {
        return leadId;
    }

    public UUID poolId() {
        return poolId;
    }

    public String message() {
        return message;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant readAt() {
        return readAt;
    }

    public String webhookStatus() {
        return webhookStatus;
    }
}
