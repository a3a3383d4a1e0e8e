package com.storecrm.tenancy.web;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Adds the tenant to {@code http.server.requests}, so load and errors can be read per customer.
 * Bounded by the number of tenants; requests without a tenant are tagged {@code none}.
 */
public class TenantTaggedRequestConvention extends DefaultServerRequestObservationConvention {

    /** Request attribute holding the authenticated caller's tenant slug. */
    public static final String TENANT_ATTRIBUTE = "com.storecrm.tenant";

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        Object tenant = context.getCarrier() == null ? null : context.getCarrier().getAttribute(TENANT_ATTRIBUTE);
        return super.getLowCardinalityKeyValues(context)
                .and(KeyValue.of("tenant", tenant == null ? "none" : tenant.toString()));
    }
}
