package com.storecrm.admin.onboarding;

import com.storecrm.admin.signin.ApiClients;
import com.storecrm.tenancy.catalog.ProvisionedTenant;
import com.storecrm.tenancy.catalog.TenantProvisioning;
import com.storecrm.tenancy.catalog.TenantSchemaMigrations;
import com.storecrm.tenancy.catalog.TenantStatus;
import com.storecrm.tenancy.web.ApiProblem;
import com.storecrm.tenancy.web.PageResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** What operators do with existing tenants: look at their health, suspend, resume and offboard them. */
@Service
public class TenantOperations {

    private final TenantProvisioning provisioning;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final String latestSchemaVersion;
    private final AnalyticsWarehouse analytics;
    private final ApiClients apiClients;

    TenantOperations(TenantProvisioning provisioning, TenantSchemaMigrations migrations, DataSource dataSource,
                     AnalyticsWarehouse analytics, ApiClients apiClients) {
        this.provisioning = provisioning;
        this.analytics = analytics;
        this.apiClients = apiClients;
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.latestSchemaVersion = migrations.latestVersion();
    }

    public PageResponse<TenantOverview> list(int page, int size) {
        long total = jdbc.sql("select count(*) from public.tenant where status <> 'PROVISIONING'").query(Long.class).single();
        List<String> slugs = jdbc.sql("""
                select slug from public.tenant where status <> 'PROVISIONING' order by slug limit :size offset :offset""")
                .param("size", size).param("offset", (long) page * size).query(String.class).list();
        List<TenantOverview> content = slugs.stream().map(slug -> overview(active(slug), false)).toList();
        return new PageResponse<>(content, page, size, total);
    }

    public TenantOverview get(String slug) {
        return overview(active(slug), true);
    }

    public TenantOverview suspend(String slug) {
        return move(slug, TenantStatus.ACTIVE, TenantStatus.SUSPENDED);
    }

    public TenantOverview resume(String slug) {
        return move(slug, TenantStatus.SUSPENDED, TenantStatus.ACTIVE);
    }

    /**
     * Removes a suspended tenant for good, in one transaction: its API clients and sign-in
     * authorizations, its schema with all operational data, and its catalog rows (subsidiaries, stores,
     * users). Then its warehouse rows. Refused (409) for a tenant that is not suspended, so an operator
     * cannot delete a working company by a slip.
     */
    public OffboardedTenant offboard(String slug) {
        ProvisionedTenant tenant = active(slug);
        if (tenant.status() != TenantStatus.SUSPENDED) {
            throw ApiProblem.conflict("tenant '" + slug + "' is " + tenant.status() + ": suspend it before offboarding it");
        }
        tx.executeWithoutResult(status -> {
            apiClients.revokeAll(tenant.id());
            String principalSuffix = "@" + slug;
            jdbc.sql("delete from public.oauth2_authorization where right(principal_name, :length) = :suffix")
                    .param("length", principalSuffix.length()).param("suffix", principalSuffix).update();
            // The schema name comes from a validated slug, so it is a safe identifier.
            jdbc.sql("drop schema " + tenant.schema() + " cascade").update();
            jdbc.sql("delete from public.tenant where id = :id").param("id", tenant.id()).update();
        });
        return new OffboardedTenant(slug, analytics.purge(slug));
    }

    private TenantOverview move(String slug, TenantStatus from, TenantStatus to) {
        ProvisionedTenant tenant = active(slug);
        if (tenant.status() != from) {
            throw ApiProblem.conflict("tenant '" + slug + "' is " + tenant.status() + ", not " + from);
        }
        provisioning.setStatus(tenant.id(), to);
        return overview(tenant.withStatus(to), false);
    }

    private ProvisionedTenant active(String slug) {
        return provisioning.find(slug).filter(t -> t.status() != TenantStatus.PROVISIONING)
                .orElseThrow(() -> ApiProblem.notFound("tenant"));
    }

    private TenantOverview overview(ProvisionedTenant tenant, boolean withRowCounts) {
        // Schema names come from validated slugs, so they are safe to splice into SQL.
        String version = jdbc.sql("select version from " + tenant.schema()
                        + ".flyway_schema_history where success order by installed_rank desc limit 1")
                .query(String.class).optional().orElse(null);
        return new TenantOverview(tenant.id(), tenant.slug(), tenant.name(), tenant.currency(), tenant.status().name(),
                version, latestSchemaVersion, withRowCounts ? rowCounts(tenant) : null,
                withRowCounts ? analytics.lastChangeSeen(tenant.slug()).orElse(null) : null);
    }

    /** Exact row counts per operational table; the owner is subject to row-level security too, so scope to all stores. */
    private Map<String, Long> rowCounts(ProvisionedTenant tenant) {
        return tx.execute(status -> {
            jdbc.sql("select set_config('app.tenant', :schema, true), set_config('app.all_stores', 'on', true)")
                    .param("schema", tenant.schema()).query().listOfRows();
            List<String> tables = jdbc.sql("""
                    select table_name from information_schema.tables
                    where table_schema = :schema and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'
                    order by table_name""").param("schema", tenant.schema()).query(String.class).list();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : tables) {
                counts.put(table, jdbc.sql("select count(*) from " + tenant.schema() + "." + table)
                        .query(Long.class).single());
            }
            return counts;
        });
    }
}
