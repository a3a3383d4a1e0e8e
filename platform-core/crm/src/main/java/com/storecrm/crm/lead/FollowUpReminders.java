package com.storecrm.crm.lead;

import com.storecrm.crm.lead.internal.LeadRepository;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.catalog.CatalogReader;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
 * Reminds owners of due follow-ups (SPEC §3.2, §3.10): tenant by tenant, in each tenant's own
 * scope, it marks every due follow-up as reminded and publishes one {@link FollowUpDue} for it in the
 * same transaction. A follow-up is reminded once; a new activity plans a new one.
 */
@Component
class FollowUpReminders {

    private static final Logger log = LoggerFactory.getLogger(FollowUpReminders.class);

    private final CatalogReader catalog;
    private final LeadRepository leads;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    FollowUpReminders(CatalogReader catalog, LeadRepository leads, ApplicationEventPublisher events, Clock clock,
                      PlatformTransactionManager transactions) {
        this.catalog = catalog;
        this.leads = leads;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${crm.leads.follow-up-reminders.interval:PT5M}",
            initialDelayString = "${crm.leads.follow-up-reminders.initial-delay:PT1M}")
    void onSchedule() {
        remindDue();
    }

    /** Runs one round over every active tenant; one failing tenant does not stop the others. */
    List<FollowUpDue> remindDue() {
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<FollowUpDue> sent = new ArrayList<>();
        for (TenantScope tenant : catalog.activeTenantJobScopes()) {
            try {
                sent.addAll(TenantContext.callAs(tenant, () -> transaction.execute(status -> remind(tenant, today, now))));
            } catch (RuntimeException e) {
                log.error("follow-up reminders failed for tenant {}", tenant.tenantSlug(), e);
            }
        }
        return sent;
    }

    private List<FollowUpDue> remind(TenantScope tenant, LocalDate today, Instant now) {
        List<FollowUpDue> due = new ArrayList<>();
        for (Object[] row : leads.markDueFollowUpsReminded(today, now)) {
            FollowUpDue reminder = new FollowUpDue(tenant.tenantId(), (UUID) row[2], (UUID) row[1], (UUID) row[3],
                    (UUID) row[0], day(row[4]));
            events.publishEvent(reminder);
            due.add(reminder);
        }
        return due;
    }

    private static LocalDate day(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
