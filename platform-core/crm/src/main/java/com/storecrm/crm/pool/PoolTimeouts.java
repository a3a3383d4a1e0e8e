package com.storecrm.crm.pool;

import com.storecrm.crm.lead.PoolLeads;
import com.storecrm.crm.pool.internal.LeadPoolRepository;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.catalog.CatalogReader;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The follow-up timeout of pools (SPEC §3.3): tenant by tenant, in each tenant's platform-job scope,
 * warns owners whose pool lead is nearing its timeout without a follow-up, then returns such leads
 * to their pool (or, where the pool does not return automatically, reports them overdue). A lead is
 * returned only after its warning went out, at the earliest on the round after it.
 */
@Component
public class PoolTimeouts {

    private static final Logger log = LoggerFactory.getLogger(PoolTimeouts.class);

    private final CatalogReader catalog;
    private final LeadPoolRepository repository;
    private final PoolLeads leads;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    PoolTimeouts(CatalogReader catalog, LeadPoolRepository repository, PoolLeads leads,
                 ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
        this.catalog = catalog;
        this.repository = repository;
        this.leads = leads;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What one round did. */
    public record Round(List<LeadReturnWarning> warned, List<LeadReturnedToPool> returned,
                        List<LeadFollowUpOverdue> overdue) {
    }

    @Scheduled(fixedDelayString = "${crm.pools.timeouts.interval:PT5M}",
            initialDelayString = "${crm.pools.timeouts.initial-delay:PT1M}")
    void onSchedule() {
        run();
    }

    /** One round over every active tenant; one failing tenant does not stop the others. */
    public Round run() {
        Instant now = Instant.now(clock);
        Round round = new Round(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (TenantScope tenant : catalog.activeTenantJobScopes()) {
            try {
                TenantContext.runAs(tenant, () -> transaction.executeWithoutResult(status -> run(tenant, now, round)));
            } catch (RuntimeException e) {
                log.error("lead pool timeouts failed for tenant {}", tenant.tenantSlug(), e);
            }
        }
        return round;
    }

    private void run(TenantScope tenant, Instant now, Round round) {
        List<LeadReturnedToPool> returned = new ArrayList<>();
        List<LeadFollowUpOverdue> overdue = new ArrayList<>();
        for (Object[] row : repository.findTimedOut(now)) {
            UUID lead = (UUID) row[0];
            UUID store = (UUID) row[1];
            UUID pool = (UUID) row[2];
            UUID owner = (UUID) row[3];
            if (!(Boolean) row[4]) {
                if (repository.markOverdue(lead, now) == 1) {
                    overdue.add(publish(new LeadFollowUpOverdue(tenant.tenantId(), store, pool, lead, owner)));
                }
            } else if (leads.returnUnattended(lead, owner, "no follow-up within the pool's timeout")) {
                returned.add(publish(new LeadReturnedToPool(tenant.tenantId(), store, pool, lead, owner,
                        TenantScope.PLATFORM_JOB_USER, LeadReturnedToPool.Way.TIMED_OUT,
                        "no follow-up within the pool's timeout", now)));
            } else {
                repository.endHold(lead);
            }
        }
        List<LeadReturnWarning> warned = new ArrayList<>();
        for (Object[] row : repository.markWarningsDue(now)) {
            warned.add(publish(new LeadReturnWarning(tenant.tenantId(), (UUID) row[1], (UUID) row[2], (UUID) row[0],
                    (UUID) row[3], instant(row[4]))));
        }
        round.warned().addAll(warned);
        round.returned().addAll(returned);
        round.overdue().addAll(overdue);
    }

    private <T> T publish(T event) {
        events.publishEvent(event);
        return event;
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }
}
