package com.storecrm.crm.lead.internal;

import com.storecrm.crm.lead.LeadAction;
import com.storecrm.crm.lead.LeadLifecycle;
import com.storecrm.crm.lead.LeadStatus;
import com.storecrm.tenancy.jpa.AuditedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A lead. Its status changes only through the action methods below, each of which asks
 * {@link LeadLifecycle} whether the move is allowed and reports what it did as a {@link LeadChange}.
 */
@Entity
@Table(name = "lead")
public class Lead extends AuditedEntity {

    @Id
    private UUID id;

    @Column(name = "store_id", nullable = false, updatable = false)
    private UUID storeId;

    private String name;
    private String company;
    private String phone;
    private String email;
    @Column(name = "chat_id")
    private String chatId;
    private String region;
    private String industry;
    private String source;

    @Column(name = "campaign_id")
    private UUID campaignId;

    @Column(name = "pool_id")
    private UUID poolId;

    @Enumerated(EnumType.STRING)
    private LeadStatus status;

    @Column(name = "owner_id")
    private UUID ownerId;

    // JSON text validated and normalised by the service; the column is jsonb so filters run in the database.
    @Column(name = "custom_fields", nullable = false)
    @ColumnTransformer(write = "?::jsonb")
    private String customFields = "{}";

    @Enumerated(EnumType.STRING)
    @Column(name = "discarded_from")
    private LeadStatus discardedFrom;

    @Column(name = "next_follow_up_on")
    private LocalDate nextFollowUpOn;

    @Column(name = "follow_up_activity_id")
    private UUID followUpActivityId;

    @Column(name = "last_activity_at")
    private Instant lastActivityAt;

    @ElementCollection
    @CollectionTable(name = "lead_team_member", joinColumns = @JoinColumn(name = "lead_id"))
    @BatchSize(size = 200)
    private List<TeamMember> team = new ArrayList<>();

    protected Lead() {
    }

    /** The contact data of a new lead, as entered. */
    public record Details(String name, String company, String phone, String email, String chatId, String region,
                          String industry, String source, UUID campaignId) {
    }

    /** A new lead: Pending and owned when it has an owner, otherwise Unassigned in its pool. */
    public static Lead create(UUID storeId, Details details, UUID ownerId, UUID poolId, String customFieldsJson,
                              Map<UUID, TeamMember.Access> team) {
        Lead lead = new Lead();
        lead.id = UUID.randomUUID();
        lead.storeId = storeId;
        lead.name = details.name();
        lead.company = details.company();
        lead.phone = details.phone();
        lead.email = details.email();
        lead.chatId = details.chatId();
        lead.region = details.region();
        lead.industry = details.industry();
        lead.source = details.source();
        lead.campaignId = details.campaignId();
        lead.poolId = poolId;
        lead.ownerId = ownerId;
        lead.status = LeadLifecycle.created(ownerId != null);
        lead.customFields = customFieldsJson;
        team.forEach((user, access) -> lead.team.add(new TeamMember(user, storeId, access)));
        return lead;
    }

    public LeadChange created() {
        return new LeadChange(id, storeId, poolId, LeadAction.CREATE, null, status, null, ownerId);
    }

    public LeadChange claim(UUID claimant) {
        return move(LeadAction.CLAIM, LeadLifecycle.next(status, LeadAction.CLAIM), claimant);
    }

    public LeadChange assign(UUID newOwner) {
        return move(LeadAction.ASSIGN, LeadLifecycle.next(status, LeadAction.ASSIGN), newOwner);
    }

    /** A sales activity was recorded; its next follow-up date (if any) becomes the lead's. */
    public LeadChange recordFollowUp(UUID activityId, Instant at, LocalDate nextFollowUp) {
        LeadChange change = move(LeadAction.RECORD_FOLLOW_UP,
                LeadLifecycle.next(status, LeadAction.RECORD_FOLLOW_UP), ownerId);
        lastActivityAt = at;
        nextFollowUpOn = nextFollowUp;
        followUpActivityId = nextFollowUp == null ? null : activityId;
        return change;
    }

    public LeadChange markInvalid() {
        return move(LeadAction.MARK_INVALID, LeadLifecycle.next(status, LeadAction.MARK_INVALID), ownerId);
    }

    public LeadChange reactivate() {
        return move(LeadAction.REACTIVATE, LeadLifecycle.next(status, LeadAction.REACTIVATE), ownerId);
    }

    public LeadChange convert() {
        return move(LeadAction.CONVERT, LeadLifecycle.next(status, LeadAction.CONVERT), ownerId);
    }

    /** Back to a pool without owner (return by the owner, reclaim by the pool administrator). */
    public LeadChange release(LeadAction returnOrReclaim, UUID pool) {
        if (returnOrReclaim != LeadAction.RETURN && returnOrReclaim != LeadAction.RECLAIM) {
            throw new IllegalArgumentException(returnOrReclaim + " does not release a lead");
        }
        LeadStatus to = LeadLifecycle.next(status, returnOrReclaim);
        poolId = pool;
        LeadChange change = move(returnOrReclaim, to, null);
        nextFollowUpOn = null;
        followUpActivityId = null;
        return change;
    }

    /** Moves the lead to another pool of its store; owner and status stay (lead pool manual 5.3). */
    public void transferTo(UUID pool) {
        poolId = pool;
    }

    public LeadChange discard() {
        LeadStatus before = status;
        LeadChange change = move(LeadAction.DISCARD, LeadLifecycle.next(status, LeadAction.DISCARD), ownerId);
        discardedFrom = before;
        return change;
    }

    public LeadChange restore() {
        LeadChange change = move(LeadAction.RESTORE, LeadLifecycle.restore(status, discardedFrom), ownerId);
        discardedFrom = null;
        return change;
    }

    private LeadChange move(LeadAction action, LeadStatus to, UUID newOwner) {
        LeadChange change = new LeadChange(id, storeId, poolId, action, status, to, ownerId, newOwner);
        status = to;
        ownerId = newOwner;
        return change;
    }

    public UUID id() {
        return id;
    }

    public UUID storeId() {
        return storeId;
    }

    public String name() {
        return name;
    }

    public String company() {
        return company;
    }

    public String phone() {
        return phone;
    }

    public String email() {
        return email;
    }

    public String chatId() {
        return chatId;
    }

    public String region() {
        return region;
    }

    public String industry() {
        return industry;
    }

    public String source() {
        return source;
    }

    public UUID campaignId() {
        return campaignId;
    }

    public UUID poolId() {
        return poolId;
    }

    public LeadStatus status() {
        return status;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public String customFieldsJson() {
        return customFields;
    }

    public LocalDate nextFollowUpOn() {
        return nextFollowUpOn;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    public List<TeamMember> team() {
        return List.copyOf(team);
    }
}
