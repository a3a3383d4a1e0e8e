package com.storecrm.crm.account.internal;

import com.storecrm.crm.account.OwnershipAction;
import com.storecrm.crm.account.OwnershipStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** One line of a customer's ownership audit: who did what, when, from which state and owner, and why. */
@Entity
@Table(name = "account_ownership_history")
public class OwnershipHistoryEntry implements Persistable<UUID> {

    @Id
    private UUID id;

    @Column(name = "store_id", nullable = false, updatable = false)
    private UUID storeId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Enumerated(EnumType.STRING)
    private OwnershipAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    private OwnershipStatus fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    private OwnershipStatus toState;

    @Column(name = "from_owner")
    private UUID fromOwner;

    @Column(name = "to_owner")
    private UUID toOwner;

    @Column(name = "claim_id")
    private UUID claimId;

    private String reason;

    @Column(name = "actor_id")
    private UUID actorId;

    private Instant at;

    protected OwnershipHistoryEntry() {
    }

    public static OwnershipHistoryEntry of(OwnershipChange change, UUID claimId, UUID actor, Instant at, String reason) {
        OwnershipHistoryEntry entry = new OwnershipHistoryEntry();
        entry.id = UUID.randomUUID();
        entry.storeId = change.storeId();
        entry.accountId = change.accountId();
        entry.action = change.action();
        entry.fromState = change.from();
        entry.toState = change.to();
        entry.fromOwner = change.fromOwner();
        entry.toOwner = change.toOwner();
        entry.claimId = claimId;
        entry.actorId = actor;
        entry.at = at;
        entry.reason = reason;
        return entry;
    }

    @Override
    public UUID getId() {
        return id;
    }

    // Append-only: every entry is new, so it is inserted without a look-up first.
    @Override
    public boolean isNew() {
        return true;
    }

    public OwnershipAction action() {
        return action;
    }

    public OwnershipStatus fromState() {
        return fromState;
    }

    public OwnershipStatus toState() {
        return toState;
    }

    public UUID fromOwner() {
        return fromOwner;
    }

    public UUID toOwner() {
        return toOwner;
    }

    public UUID claimId() {
        return claimId;
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
