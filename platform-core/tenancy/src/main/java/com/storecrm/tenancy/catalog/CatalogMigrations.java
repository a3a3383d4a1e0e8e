package com.storecrm.tenancy.catalog;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Applies the catalog migrations to {@code public}; run as the owner role. */
public final class CatalogMigrations {

    private CatalogMigrations() {
    }

    public static void migrate(DataSource ownerDataSource, String appRole) {
        Flyway.configure()
                .dataSource(ownerDataSource)
                .schemas("public")
                .table("flyway_catalog_history")
                .locations("classpath:db/catalog")
                .placeholders(java.util.Map.of("appRole", appRole))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
