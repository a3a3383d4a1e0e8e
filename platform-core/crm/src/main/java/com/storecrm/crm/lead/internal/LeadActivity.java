package com.storecrm.crm.lead.internal;

import com.storecrm.tenancy.jpa.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A sales activity on a lead (SPEC §3.2 follow-up). Written once; the reminder job marks its
 * follow-up as reminded with a conditional update of its own, never through this entity.
 */
@Entity
@Table(name = "lead_activity")
public class LeadActivity extends AuditedEntity {

    public enum Kind { CALL, VISIT, EMAIL, CHAT, NOTE }

    @Id
    private UUID id;

    @Column(name = "store_id", nullable = false, updatable = false)
    private UUID storeId;

    @Column(name = "lead_id", nullable = false, updatable = false)
    private UUID leadId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String result;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Column(name = "next_follow_up_on")
    private LocalDate nextFollowUpOn;

    protected LeadActivity() {
    }

    public static LeadActivity on(Lead lead, Kind kind, String result, Instant occurredAt, LocalDate nextFollowUpOn) {
        LeadActivity activity = new LeadActivity();
        activity.id = UUID.randomUUID();
        activity.storeId = lead.storeId();
        activity.leadId = lead.id();
        activity.kind = kind;
        activity.result = result;
        activity.occurredAt = occurredAt;
        activity.nextFollowUpOn = nextFollowUpOn;
        return activity;
    }

    public UUID id() {
        return id;
    }

    public UUID storeId() {
        return storeId;
    }

    public UUID leadId() {
        return leadId;
    }

    public Kind kind() {
        return kind;
    }

    public String result() {
        return result;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public LocalDate nextFollowUpOn() {
        return nextFollowUpOn;
    }
}
