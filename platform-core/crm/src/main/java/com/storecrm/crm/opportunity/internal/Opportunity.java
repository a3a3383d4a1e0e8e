package com.storecrm.crm.opportunity.internal;

import com.storecrm.crm.opportunity.OpportunityAction;
import com.storecrm.crm.opportunity.OpportunityLifecycle;
import com.storecrm.crm.opportunity.OpportunityStatus;
import com.storecrm.tenancy.jpa.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * An opportunity. Its status and stage change only through the action methods below, which ask
 * {@link OpportunityLifecycle} and report each move as an {@link OpportunityMove} for the history.
 */
@Entity
@Table(name = "opportunity")
public class Opportunity extends AuditedEntity {

    @Id
    private UUID id;

    @Column(name = "store_id", nullable = false, updatable = false)
    private UUID storeId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    private String name;
    private BigDecimal amount;

    @Column(name = "process_id", nullable = false, updatable = false)
    private UUID processId;

    @Column(name = "stage_id")
    private UUID stageId;

    @Enumerated(EnumType.STRING)
    private OpportunityStatus status;

    @Column(name = "expected_close_date")
    private LocalDate expectedCloseDate;

    @Column(name = "owner_id")
    private UUID ownerId;

    @Column(name = "product_line")
    private String productLine;

    @Column(name = "stage_entered_at")
    private Instant stageEnteredAt;

    @Column(name = "furthest_position")
    private int furthestPosition;

    @Column(name = "pending_stage_id")
    private UUID pendingStageId;

    @Column(name = "close_reason")
    private String closeReason;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(nullable = false)
    @ColumnTransformer(write = "?::jsonb")
    private String feedback = "{}";

    @Column(name = "completed_tasks")
    private String[] completedTasks = new String[0];

    protected Opportunity() {
    }

    public record Details(UUID storeId, UUID accountId, String name, BigDecimal amount, UUID processId,
                          LocalDate expectedCloseDate, UUID ownerId, String productLine) {
    }

    public static Opportunity open(Details details, UUID stageId, int position, Instant now) {
        Opportunity o = new Opportunity();
        o.id = UUID.randomUUID();
        o.storeId = details.storeId();
        o.accountId = details.accountId();
        o.name = details.name();
        o.amount = details.amount();
        o.processId = details.processId();
        o.expectedCloseDate = details.expectedCloseDate();
        o.ownerId = details.ownerId();
        o.productLine = details.productLine();
        o.status = OpportunityStatus.OPEN;
        o.stageId = stageId;
        o.furthestPosition = position;
        o.stageEnteredAt = now;
        return o;
    }

    public OpportunityMove created() {
        return new OpportunityMove(id, storeId, OpportunityAction.CREATE, null, stageId, null, status, null);
    }

    /** Records the stage feedback and completed tasks the advance brings along. */
    public void recordFeedback(String feedbackJson, List<String> tasks) {
        feedback = feedbackJson;
        Set<String> all = new LinkedHashSet<>(List.of(completedTasks));
        all.addAll(tasks);
        completedTasks = all.toArray(String[]::new);
    }

    public OpportunityMove requestAdvance(UUID nextStage) {
        OpportunityLifecycle.next(status, OpportunityAction.REQUEST_ADVANCE);
        pendingStageId = nextStage;
        return new OpportunityMove(id, storeId, OpportunityAction.REQUEST_ADVANCE, stageId, nextStage, status, status,
                null);
    }

    public OpportunityMove refuseAdvance() {
        OpportunityLifecycle.next(status, OpportunityAction.REFUSE_ADVANCE);
        UUID refused = pendingStageId;
        pendingStageId = null;
        return new OpportunityMove(id, storeId, OpportunityAction.REFUSE_ADVANCE, stageId, refused, status, status,
                null);
    }

    public OpportunityMove advance(OpportunityAction action, UUID nextStage, int nextPosition, Instant now) {
        OpportunityStatus to = OpportunityLifecycle.next(status, action);
        UUID from = stageId;
        long seconds = Duration.between(stageEnteredAt, now).toSeconds();
        stageId = nextStage;
        stageEnteredAt = now;
        furthestPosition = Math.max(furthestPosition, nextPosition);
        pendingStageId = null;
        return new OpportunityMove(id, storeId, action, from, nextStage, status, status = to, seconds);
    }

    /** Won, Lost or Invalid: the opportunity leaves the pipeline from the stage it is in. */
    public OpportunityMove close(OpportunityAction action, String reason, Instant now) {
        OpportunityStatus from = status;
        status = OpportunityLifecycle.next(status, action);
        closeReason = reason;
        closedAt = now;
        pendingStageId = null;
        return new OpportunityMove(id, storeId, action, stageId, stageId, from, status,
                Duration.between(stageEnteredAt, now).toSeconds());
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

    public String name() {
        return name;
    }

    public BigDecimal amount() {
        return amount;
    }

    public UUID processId() {
        return processId;
    }

    public UUID stageId() {
        return stageId;
    }

    public OpportunityStatus status() {
        return status;
    }

    public LocalDate expectedCloseDate() {
        return expectedCloseDate;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public String productLine() {
        return productLine;
    }

    public Instant stageEnteredAt() {
        return stageEnteredAt;
    }

    public int furthestPosition() {
        return furthestPosition;
    }

    public UUID pendingStageId() {
        return pendingStageId;
    }

    public String closeReason() {
        return closeReason;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String feedbackJson() {
        return feedback;
    }

    public List<String> completedTasks() {
        return List.of(completedTasks);
    }
}
