package com.storecrm.crm.opportunity;

import com.storecrm.crm.opportunity.internal.OpportunityRepository;
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
 * Reminds owners of open opportunities whose expected close date comes within their process's
 * reminder days (SPEC §3.5), tenant by tenant; each opportunity is reminded once.
 */
@Component
public class OpportunityCloseReminders {

    private static final Logger log = LoggerFactory.getLogger(OpportunityCloseReminders.class);

    private final CatalogReader catalog;
    private final OpportunityRepository opportunities;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    OpportunityCloseReminders(CatalogReader catalog, OpportunityRepository opportunities,
                              ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
        this.catalog = catalog;
        this.opportunities = opportunities;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${crm.opportunities.close-reminders.interval:PT15M}",
            initialDelayString = "${crm.opportunities.close-reminders.initial-delay:PT2M}")
    void onSchedule() {
        remindDue();
    }

    public List<OpportunityCloseDue> remindDue() {
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<OpportunityCloseDue> sent = new ArrayList<>();
        for (TenantScope tenant : catalog.activeTenantJobScopes()) {
            try {
                sent.addAll(TenantContext.callAs(tenant, () -> transaction.execute(status -> {
                    List<OpportunityCloseDue> due = new ArrayList<>();
                    for (Object[] row : opportunities.markCloseDueReminded(today, now)) {
                        OpportunityCloseDue reminder = new OpportunityCloseDue(tenant.tenantId(), (UUID) row[1],
                                (UUID) row[0], (UUID) row[2], row[3] instanceof Date d ? d.toLocalDate() : (LocalDate) row[3]);
                        events.publishEvent(reminder);
                        due.add(reminder);
                    }
                    return due;
                })));
            } catch (RuntimeException e) {
                log.error("opportunity close reminders failed for tenant {}", tenant.tenantSlug(), e);
            }
        }
        return sent;
    }
}
