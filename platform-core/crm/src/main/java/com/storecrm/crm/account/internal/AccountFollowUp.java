package com.storecrm.crm.account.internal;

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

/** A follow-up record on a customer profile (SPEC §3.4). */
@Entity
@Table(name = "account_follow_up")
public class AccountFollowUp extends AuditedEntity {

    public enum Kind { CALL, VISIT, EMAIL, CHAT, NOTE }

    @Id
    private UUID id;

    @Column(name = "store_id", nullable = false, updatable = false)
    private UUID storeId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String result;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Column(name = "next_follow_up_on")
    private LocalDate nextFollowUpOn;

    protected AccountFollowUp() {
    }

    public static AccountFollowUp on(Account account, Kind kind, String result, Instant occurredAt,
                                     LocalDate nextFollowUpOn) {
        AccountFollowUp followUp = new AccountFollowUp();
        followUp.id = UUID.randomUUID();
        followUp.storeId = account.storeId();
        followUp.accountId = account.id();
        followUp.kind = kind;
        followUp.result = result;
        followUp.occurredAt = occurredAt;
        followUp.nextFollowUpOn = nextFollowUpOn;
        return followUp;
    }

    public UUID id() {
        return id;
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
