package com.storecrm.admin;

import com.storecrm.tenancy.catalog.CatalogMigrations;
import com.storecrm.tenancy.catalog.ProvisioningProbe;
import com.storecrm.tenancy.catalog.TenantProvisioning;
import com.storecrm.tenancy.catalog.TenantSchemaMigrations;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** tenant-admin connects as the owner role: it migrates the catalog at start and provisions tenants. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    TenantSchemaMigrations tenantSchemaMigrations(DataSource dataSource, PlatformAdminProperties properties) {
        CatalogMigrations.migrate(dataSource, properties.appRole());
        return new TenantSchemaMigrations(dataSource, properties.appRole());
    }

    @Bean
    @ConditionalOnMissingBean
    ProvisioningProbe provisioningProbe() {
        return ProvisioningProbe.NONE;
    }

    @Bean
    TenantProvisioning tenantProvisioning(DataSource dataSource, TenantSchemaMigrations migrations,
                                          ProvisioningProbe probe) {
        return new TenantProvisioning(dataSource, migrations, probe);
    }
}
