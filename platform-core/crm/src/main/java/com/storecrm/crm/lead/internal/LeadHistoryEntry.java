package com.storecrm.crm.lead.internal;

import com.storecrm.crm.lead.LeadAction;
import com.storecrm.crm.lead.LeadStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** One line of a lead's history: who did what, when, from which status and owner to which, and why. */
@Entity
@Table(name = "lead_history")
public class LeadHistoryEntry implements Persistable<UUID> {

    @Id
    private UUID id;

    @Column(name = "store_id", nullable = false, updatable = false)
    private UUID storeId;

    @Column(name = "lead_id", nullable = false, updatable = false)
    private UUID leadId;

    @Enumerated(EnumType.STRING)
    private LeadAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private LeadStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private LeadStatus toStatus;

    @Column(name = "from_owner")
    private UUID fromOwner;

    @Column(name = "to_owner")
    private UUID toOwner;

    private String reason;

    @Column(name = "actor_id")
    private UUID actorId;

    private Instant at;

    protected LeadHistoryEntry() {
    }

    public static LeadHistoryEntry of(LeadChange change, UUID actor, Instant at, String reason) {
        LeadHistoryEntry entry = new LeadHistoryEntry();
        entry.id = UUID.randomUUID();
        entry.storeId = change.storeId();
        entry.leadId = change.leadId();
        entry.action = change.action();
        entry.fromStatus = change.fromStatus();
        entry.toStatus = change.toStatus();
        entry.fromOwner = change.fromOwner();
        entry.toOwner = change.toOwner();
        entry.actorId = actor;
        entry.at = at;
        entry.reason = reason;
        return entry;
    }

    // Append-only with assigned ids: saving is always a plain INSERT, never a merge.
    @Override
    public boolean isNew() {
        return true;
    }

    @Override
    public UUID getId() {
        return id;
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

    public LeadAction action() {
        return action;
    }

    public LeadStatus fromStatus() {
        return fromStatus;
    }

    public LeadStatus toStatus() {
        return toStatus;
    }

    public UUID fromOwner() {
        return fromOwner;
    }

    public UUID toOwner() {
        return toOwner;
    }

    public String reason() {
        return reason;
    }

    public UUID actorId() {
        return actorId;
    }

    public Instant at() {
        return at;
    }
}
