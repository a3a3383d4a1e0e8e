package com.storecrm.tenancy.jpa;

import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * The tenant identifier is the tenant's schema. Without a scope it is a schema that does not exist,
 * so a missing context fails loudly instead of reading {@code public}.
 */
class TenantSchemaResolver implements CurrentTenantIdentifierResolver<String> {

    static final String NO_TENANT = "no_tenant";

    @Override
    public String resolveCurrentTenantIdentifier() {
        return TenantContext.current().map(TenantScope::schema).orElse(NO_TENANT);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }
}
