package com.storecrm.analytics.backfill;

import com.storecrm.tenancy.web.ApiProblem;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Looks tenants up in the catalog for the operator tools; the application role may read it. */
@Component
class OperatorTenants {

    private final JdbcClient jdbc;

    OperatorTenants(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The tenant whose schema exists: unknown is 404, one still being provisioned is a conflict. */
    OperatedTenant require(String slug) {
        OperatedTenant tenant = jdbc.sql("select id, slug, schema_name, status from public.tenant where slug = :slug")
                .param("slug", slug)
                .query((rs, n) -> new OperatedTenant(rs.getObject("id", UUID.class), rs.getString("slug"),
                        rs.getString("schema_name"), rs.getString("status"), List.of()))
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("tenant " + slug));
        if ("PROVISIONING".equals(tenant.status())) {
            throw ApiProblem.conflict("tenant " + slug + " is still being provisioned");
        }
        List<OperatedTenant.Store> stores = jdbc.sql("select id, name from public.store where tenant_id = :tenant order by position")
                .param("tenant", tenant.id())
                .query((rs, n) -> new OperatedTenant.Store(rs.getObject("id", UUID.class), rs.getString("name")))
                .list();
        return new OperatedTenant(tenant.id(), tenant.slug(), tenant.schema(), tenant.status(), stores);
    }
}
