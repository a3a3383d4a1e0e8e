package com.storecrm.crm.notification;

import com.storecrm.crm.lead.FollowUpDue;
import com.storecrm.crm.lead.LeadAssigned;
import com.storecrm.crm.notification.internal.NotificationInserts;
import com.storecrm.crm.pool.LeadClaimed;
import com.storecrm.crm.pool.LeadFollowUpOverdue;
import com.storecrm.crm.pool.LeadPools;
import com.storecrm.crm.pool.LeadReturnWarning;
import com.storecrm.crm.pool.LeadReturnedToPool;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.jpa.BeforeCommitBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns lead and pool events into in-app notifications for the right users (SPEC §3.10), in the
 * transaction of the change: a notification exists exactly when its change committed, and the
 * unique event key makes a repeated event harmless. The notifications of a transaction are written
 * together just before it commits (a claim of fifty leads is one statement, not fifty), and their
 * webhook delivery follows after the commit. An event outside a transaction notifies nobody.
 */
@Component
class NotificationWriter {

    private final NotificationInserts inserts;
    private final BeforeCommitBuffer<Pending> pending;
    private final LeadPools pools;
    private final WebhookDispatcher webhook;
    private final Clock clock;

    /** A notification waiting for its transaction's commit, with the scope it was raised in. */
    private record Pending(TenantScope scope, NotificationInserts.Row row) {
    }

    NotificationWriter(NotificationInserts inserts, LeadPools pools, WebhookDispatcher webhook, Clock clock) {
        this.inserts = inserts;
        this.pending = new BeforeCommitBuffer<>(this::write);
        this.pools = pools;
        this.webhook = webhook;
        this.clock = clock;
    }

    @EventListener
    void on(LeadAssigned assigned) {
        if (!assigned.ownerId().equals(assigned.assignedBy())) {
            notify(assigned.tenantId(), assigned.storeId(), List.of(assigned.ownerId()), NotificationKind.ASSIGNED,
                    assigned.leadId(), assigned.poolId(), "A lead was assigned to you",
                    "assigned:" + assigned.leadId() + ":" + assigned.at());
        }
    }

    @EventListener
    void on(LeadClaimed claimed) {
        notify(claimed.tenantId(), claimed.storeId(), others(pools.adminsOf(claimed.poolId()), claimed.claimantId()),
                NotificationKind.CLAIMED, claimed.leadId(), claimed.poolId(), "A lead of your pool was claimed",
                "claimed:" + claimed.leadId() + ":" + claimed.at());
    }

    @EventListener
    void on(LeadReturnedToPool returned) {
        String key = returned.way() + ":" + returned.leadId() + ":" + returned.at();
        switch (returned.way()) {
            case RETURNED -> notify(returned.tenantId(), returned.storeId(),
                    others(pools.adminsOf(returned.poolId()), returned.by()), NotificationKind.RETURNED,
                    returned.leadId(), returned.poolId(), "A lead was returned to your pool"
                            + (returned.reason() == null ? "" : ": " + returned.reason()), key);
            case RECLAIMED -> notify(returned.tenantId(), returned.storeId(), List.of(returned.previousOwnerId()),
                    NotificationKind.RECLAIMED, returned.leadId(), returned.poolId(),
                    "A lead of yours was reclaimed by its pool", key);
            case TIMED_OUT -> notify(returned.tenantId(), returned.storeId(), List.of(returned.previousOwnerId()),
                    NotificationKind.AUTO_RETURNED, returned.leadId(), returned.poolId(),
                    "A lead of yours went back to its pool: no follow-up within the timeout", key);
        }
    }

    @EventListener
    void on(LeadReturnWarning warning) {
        notify(warning.tenantId(), warning.storeId(), List.of(warning.ownerId()), NotificationKind.RETURN_WARNING,
                warning.leadId(), warning.poolId(), "Follow up this lead or it goes back to its pool at "
                        + warning.returnAt(), "warning:" + warning.leadId() + ":" + warning.returnAt());
    }

    @EventListener
    void on(LeadFollowUpOverdue overdue) {
        notify(overdue.tenantId(), overdue.storeId(), List.of(overdue.ownerId()), NotificationKind.OVERDUE,
                overdue.leadId(), overdue.poolId(), "A lead of yours is overdue for its follow-up",
                "overdue:" + overdue.leadId() + ":" + overdue.ownerId());
    }

    @EventListener
    void on(FollowUpDue due) {
        notify(due.tenantId(), due.storeId(), List.of(due.ownerId()), NotificationKind.FOLLOW_UP_DUE, due.leadId(),
                null, "A follow-up is due on " + due.dueOn(), "follow-up:" + due.activityId());
    }

    private void notify(UUID tenantId, UUID storeId, Collection<UUID> recipients, NotificationKind kind, UUID leadId,
                        UUID poolId, String message, String eventKey) {
        // the change's own transaction and scope: it must be the event's tenant, never another
        TenantScope scope = TenantContext.require();
        if (!scope.tenantId().equals(tenantId)) {
            throw new IllegalStateException("an event of another tenant reached this transaction");
        }
        Instant now = Instant.now(clock);
        for (UUID recipient : new LinkedHashSet<>(recipients)) {
            pending.add(new Pending(scope, new NotificationInserts.Row(UUID.randomUUID(), storeId, recipient,
                    kind.name(), leadId, poolId, message, eventKey, now)));
        }
    }

    private void write(List<Pending> rows) {
        List<UUID> stored = inserts.add(rows.stream().map(Pending::row).toList());
        webhook.afterCommit(rows.get(0).scope(), stored);
    }

    private static Set<UUID> others(Set<UUID> people, UUID actor) {
        Set<UUID> others = new LinkedHashSet<>(people);
        others.remove(actor);
        return others;
    }
}
