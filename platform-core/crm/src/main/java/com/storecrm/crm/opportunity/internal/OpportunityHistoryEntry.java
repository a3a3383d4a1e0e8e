package com.storecrm.crm.opportunity.internal;

import com.storecrm.crm.opportunity.OpportunityAction;
import com.storecrm.crm.opportunity.OpportunityStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** One line of an opportunity's history, the source of the funnel's time in stage. */
@Entity
@Table(name = "opportunity_history")
public class OpportunityHistoryEntry implements Persistable<UUID> {

    @Id
    private UUID id;

    @Column(name = "store_id", nullable = false, updatable = false)
    private UUID storeId;

    @Column(name = "opportunity_id", nullable = false, updatable = false)
    private UUID opportunityId;

    @Enumerated(EnumType.STRING)
    private OpportunityAction action;

    @Column(name = "from_stage")
    private UUID fromStage;

    @Column(name = "to_stage")
    private UUID toStage;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private OpportunityStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private OpportunityStatus toStatus;

    @Column(name = "seconds_in_stage")
    private Long secondsInStage;

    private String reason;

    @Column(name = "actor_id")
    private UUID actorId;

    private Instant at;

    protected OpportunityHistoryEntry() {
    }

    public static OpportunityHistoryEntry of(OpportunityMove move, UUID actor, Instant at, String reason) {
        OpportunityHistoryEntry e = new OpportunityHistoryEntry();
        e.id = UUID.randomUUID();
        e.storeId = move.storeId();
        e.opportunityId = move.opportunityId();
        e.action = move.action();
        e.fromStage = move.fromStage();
        e.toStage = move.toStage();
        e.fromStatus = move.fromStatus();
        e.toStatus = move.toStatus();
        e.secondsInStage = move.secondsInStage();
        e.actorId = actor;
        e.at = at;
        e.reason = reason;
        return e;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return true;
    }

    public UUID opportunityId() {
        return opportunityId;
    }

    public OpportunityAction action() {
        return action;
    }

    public UUID fromStage() {
        return fromStage;
    }

    public UUID toStage() {
        return toStage;
    }

    public OpportunityStatus fromStatus() {
        return fromStatus;
    }

    public OpportunityStatus toStatus() {
        return toStatus;
    }

    public Long secondsInStage() {
        return secondsInStage;
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
