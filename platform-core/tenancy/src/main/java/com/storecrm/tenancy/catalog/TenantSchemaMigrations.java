package com.storecrm.tenancy.catalog;

import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/** Creates and migrates one tenant's schema with the operational tables; run as the owner role. */
public class TenantSchemaMigrations {

    public static final String DEFAULT_CDC_ROLE = "storecrm_cdc";

    private final DataSource ownerDataSource;
    private final String appRole;
    private final String cdcRole;

    public TenantSchemaMigrations(DataSource ownerDataSource, String appRole) {
        this(ownerDataSource, appRole, DEFAULT_CDC_ROLE);
    }

    /**
     * @param appRole the unprivileged role of the tenant-facing services (gets DML on tenant tables)
     * @param cdcRole the change-data-capture role (gets SELECT for snapshots and backfills)
     */
    public TenantSchemaMigrations(DataSource ownerDataSource, String appRole, String cdcRole) {
        this.ownerDataSource = ownerDataSource;
        this.appRole = appRole;
        this.cdcRole = cdcRole;
    }

    /** Applies the pending migrations; the version the schema is at afterwards. */
    public String migrate(String schema) {
        MigrateResult result = flyway(schema).migrate();
        return result.migrationsExecuted > 0 ? result.targetSchemaVersion : result.initialSchemaVersion;
    }

    /** Migrates only up to {@code version}: a schema as an older release left it (upgrade rehearsals and tests). */
    public void migrateTo(String schema, String version) {
        Flyway.configure().configuration(flyway(schema).getConfiguration()).target(version).load().migrate();
    }

    /** The version the schema is at, empty when it was never migrated. */
    public Optional<String> currentVersion(String schema) {
        MigrationInfo current = flyway(schema).info().current();
        return Optional.ofNullable(current).map(info -> info.getVersion().getVersion());
    }

    public String latestVersion() {
        MigrationInfo[] all = flyway("tenant_latest_probe").info().all();
        return all.length == 0 ? "0" : all[all.length - 1].getVersion().getVersion();
    }

    private Flyway flyway(String schema) {
        return Flyway.configure()
                .dataSource(ownerDataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("classpath:db/tenant")
                .placeholders(Map.of("appRole", appRole, "cdcRole", cdcRole))
                .load();
    }
}
