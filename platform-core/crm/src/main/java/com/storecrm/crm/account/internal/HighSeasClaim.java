package com.storecrm.crm.account.internal;

import com.storecrm.tenancy.jpa.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A rep's application to re-claim a customer from the high seas and the supervisor's decision on it:
 * the record both sides follow (the case study's "High Seas Application" and "High Seas Audit").
 */
@Entity
@Table(name = "high_seas_claim")
public class HighSeasClaim extends AuditedEntity {

    public enum Status { PENDING, APPROVED, REFUSED }

    @Id
    private UUID id;

    @Column(name = "store_id", nullable = false, updatable = false)
    private UUID storeId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(name = "applicant_id", nullable = false, updatable = false)
    private UUID applicantId;

    private String reason;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "applied_at")
    private Instant appliedAt;

    @Column(name = "decided_by")
    private UUID decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_note")
    private String decisionNote;

    protected HighSeasClaim() {
    }

    public static HighSeasClaim apply(Account account, UUID applicant, String reason, Instant now) {
        HighSeasClaim claim = new HighSeasClaim();
        claim.id = UUID.randomUUID();
        claim.storeId = account.storeId();
        claim.accountId = account.id();
        claim.applicantId = applicant;
        claim.reason = reason;
        claim.status = Status.PENDING;
        claim.appliedAt = now;
        return claim;
    }

    /** The account's ownership state machine has already accepted the decision; this records it. */
    public void decide(boolean approved, UUID decider, String note, Instant now) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("claim " + id + " was decided already");
        }
        status = approved ? Status.APPROVED : Status.REFUSED;
        decidedBy = decider;
        decidedAt = now;
        decisionNote = note;
    }

    public UUID id() {
        return id;
    }

    public UUID storeId() {
        return storeId;
    }

    public UUID accountId() {
        return accountId;
    }

    public UUID applicantId() {
        return applicantId;
    }

    public String reason() {
        return reason;
    }

    public Status status() {
        return status;
    }

    public Instant appliedAt() {
        return appliedAt;
    }

    public UUID decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decisionNote() {
        return decisionNote;
    }
}
