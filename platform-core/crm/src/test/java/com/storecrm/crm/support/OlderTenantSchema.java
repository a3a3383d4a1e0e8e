package com.storecrm.crm.support;

import com.storecrm.devstack.PlatformDatabase;
import com.storecrm.tenancy.catalog.TenantSchemaMigrations;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tenant schema as an older release left it, for testing what an upgrade does to existing data:
 * created at a given version, filled and read in the tenant's scope as the schema owner (the
 * policies bind the owner too), upgraded to the latest version, and dropped.
 */
public final class OlderTenantSchema implements AutoCloseable {

    private final String schema;
    private final JdbcClient owner;
    private final TransactionTemplate transaction;
    private final TenantSchemaMigrations migrations;

    private OlderTenantSchema(PlatformDatabase database, String schema) {
        this.schema = schema;
        this.owner = JdbcClient.create(database.ownerDataSource());
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(database.ownerDataSource()));
        this.migrations = new TenantSchemaMigrations(database.ownerDataSource(), database.appUser());
    }

    public static OlderTenantSchema at(PlatformDatabase database, String schema, String version) {
        OlderTenantSchema older = new OlderTenantSchema(database, schema);
        older.drop();
        older.migrations.migrateTo(schema, version);
        return older;
    }

    /** Runs the work in one transaction, in the tenant's scope over all its stores. */
    public void inScope(Consumer<JdbcClient> work) {
        transaction.executeWithoutResult(status -> {
            owner.sql("select set_config('search_path', :schema, true), set_config('app.tenant', :schema, true),"
                    + " set_config('app.all_stores', 'on', true)").param("schema", schema).query().singleRow();
            work.accept(owner);
        });
    }

    public void upgrade() {
        migrations.migrate(schema);
    }

    public String name() {
        return schema;
    }

    @Override
    public void close() {
        drop();
    }

    private void drop() {
        owner.sql("drop schema if exists " + schema + " cascade").update();
    }
}
