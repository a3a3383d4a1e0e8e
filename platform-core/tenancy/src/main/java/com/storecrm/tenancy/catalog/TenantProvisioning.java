package com.storecrm.tenancy.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Onboards a tenant as a sequence of undoable steps: catalog records, schema with every migration,
 * any steps the caller adds (e.g. issuing its login), activation. Runs as the owner role.
 */
public class TenantProvisioning {

    private static final Logger log = LoggerFactory.getLogger(TenantProvisioning.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TenantSchemaMigrations migrations;
    private final CatalogRecords records;
    private final ProvisioningProbe probe;

    public TenantProvisioning(DataSource ownerDataSource, TenantSchemaMigrations migrations, ProvisioningProbe probe) {
        this.jdbc = JdbcClient.create(ownerDataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(ownerDataSource));
        this.migrations = migrations;
        this.records = new CatalogRecords(jdbc);
        this.probe = probe;
    }

    public ProvisionedTenant provision(TenantSpec spec, List<ProvisioningStep> extraSteps) {
        probe.before("catalog");
        ProvisionedTenant tenant = tx.execute(status -> records.insert(spec));
        Deque<ProvisioningStep> applied = new ArrayDeque<>();
        List<ProvisioningStep> steps = new ArrayList<>();
        steps.add(schemaStep());
        steps.addAll(extraSteps);
        String current = "catalog";
        try {
            for (ProvisioningStep step : steps) {
                current = step.name();
                applied.push(step);
                probe.before(current);
                step.apply(tenant);
            }
            current = "activate";
            probe.before(current);
            records.setStatus(tenant.id(), TenantStatus.ACTIVE);
            return tenant.withStatus(TenantStatus.ACTIVE);
        } catch (RuntimeException failure) {
            undo(tenant, applied);
            throw new ProvisioningFailed(spec.slug().value(), current, failure);
        }
    }

    /** Removes every trace of a tenant: extra steps' effects, its schema and its catalog rows. */
    public void discard(ProvisionedTenant tenant, List<ProvisioningStep> extraSteps) {
        Deque<ProvisioningStep> all = new ArrayDeque<>();
        all.push(schemaStep());
        extraSteps.forEach(all::push);
        undo(tenant, all);
    }

    public Optional<ProvisionedTenant> find(String slug) {
        return records.find(slug);
    }

    public Optional<String> fingerprint(String slug) {
        return jdbc.sql("select request_fingerprint from public.tenant where slug = :slug")
                .param("slug", slug).query(String.class).optional();
    }

    public Optional<String> adminPasswordHash(UUID adminUserId) {
        return jdbc.sql("select password_hash from public.app_user where id = :id")
                .param("id", adminUserId).query(String.class).optional();
    }

    public void setStatus(UUID tenantId, TenantStatus status) {
        records.setStatus(tenantId, status);
    }

    public List<String> slugsInStatus(TenantStatus status) {
        return jdbc.sql("select slug from public.tenant where status = :status order by slug")
                .param("status", status.name()).query(String.class).list();
    }

    private void undo(ProvisionedTenant tenant, Deque<ProvisioningStep> applied) {
        while (!applied.isEmpty()) {
            ProvisioningStep step = applied.pop();
            try {
                step.undo(tenant);
            } catch (RuntimeException e) {
                log.error("undo of step {} for tenant {} failed", step.name(), tenant.slug(), e);
            }
        }
        records.delete(tenant.id());
    }

    private ProvisioningStep schemaStep() {
        return new ProvisioningStep() {
            @Override
            public String name() {
                return "schema";
            }

            @Override
            public void apply(ProvisionedTenant tenant) {
                migrations.migrate(tenant.schema());
            }

            @Override
            public void undo(ProvisionedTenant tenant) {
                // The schema name comes from a validated slug, so it is a safe identifier.
                jdbc.sql("drop schema if exists " + tenant.schema() + " cascade").update();
            }
        };
    }
}
