package com.storecrm.crm.account;

import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.catalog.CatalogReader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves customers to the high seas automatically, tenant by tenant in each tenant's own scope and
 * with its own rules: owned customers without a return visit within the configured days, and
 * claimed ones whose return-visit deadline passed. One failing tenant does not stop the others.
 */
@Component
public class HighSeasJobs {

    private static final Logger log = LoggerFactory.getLogger(HighSeasJobs.class);

    private final CatalogReader catalog;
    private final HighSeas highSeas;
    private final AccountAccess access;

    HighSeasJobs(CatalogReader catalog, HighSeas highSeas, AccountAccess access) {
        this.catalog = catalog;
        this.highSeas = highSeas;
        this.access = access;
    }

    @Scheduled(fixedDelayString = "${crm.high-seas.interval:PT15M}",
            initialDelayString = "${crm.high-seas.initial-delay:PT2M}")
    void onSchedule() {
        moveOverdueCustomers();
    }

    /** One round over every active tenant; returns the customers moved. */
    public List<UUID> moveOverdueCustomers() {
        List<UUID> moved = new ArrayList<>();
        for (TenantScope tenant : catalog.activeTenantJobScopes()) {
            try {
                moved.addAll(TenantContext.callAs(tenant, () -> highSeas.moveOverdue(tenant)));
            } catch (RuntimeException e) {
                log.error("high-seas moves failed for tenant {}", tenant.tenantSlug(), e);
            }
        }
        return moved;
    }

    /**
     * The tenant administrator runs the caller's tenant's round now instead of waiting for the
     * schedule (after changing the rules, say). It runs exactly as the scheduled round does, as the
     * platform job, so its moves are journaled like every automatic move.
     */
    public HighSeasSweepView sweepNow() {
        TenantScope admin = access.requireTenantAdmin("run the high-seas sweep");
        TenantScope job = TenantScope.platformJob(admin.tenantId(), admin.tenantSlug(), admin.schema());
        log.info("high-seas sweep of tenant {} run now by {}", admin.tenantSlug(), admin.userId());
        return new HighSeasSweepView(TenantContext.callAs(job, () -> highSeas.moveOverdue(job)).size());
    }
}
