package com.storecrm.crm.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.devstack.PlatformDatabase;
import com.storecrm.devstack.TenantFixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rules every table of a tenant schema obeys, checked on a freshly migrated schema so that a new
 * migration cannot forget one: store isolation by row-level security (forced, checked on read and
 * write), change data capture (in the publication, full replica identity, readable by the CDC role,
 * a primary key the snapshot can split),
 * and an application role that owns nothing. A table without {@code store_id} must say why with a
 * comment starting {@code tenant-wide:} (e.g. the tenant's own configuration) and is still bound to
 * its tenant by {@code in_tenant_scope()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantSchemaRulesIT {

    private static final PlatformDatabase DATABASE = PlatformDatabase.embedded();
    private static final String SCHEMA = "tenant_schema_rules";

    private final JdbcClient owner = JdbcClient.create(DATABASE.ownerDataSource());
    private List<String> tables;

    @BeforeAll
    void migrateATenant() {
        new TenantFixtures(DATABASE).tenant("schema_rules");
        tables = owner.sql("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = :schema and c.relkind in ('r', 'p') and c.relname <> 'flyway_schema_history'
                order by c.relname""").param("schema", SCHEMA).query(String.class).list();
        assertThat(tables).as("the tenant schema has operational tables").contains("lead");
    }

    @Test
    void storeScopedTablesForceRowLevelSecurityOnReadAndWrite() {
        for (String table : tables) {
            assertThat(flag(table, "relrowsecurity")).as("%s enables row-level security", table).isTrue();
            assertThat(flag(table, "relforcerowsecurity")).as("%s forces row-level security", table).isTrue();
            if (!hasColumn(table, "store_id")) {
                assertThat(comment(table)).as("%s has no store_id: its comment must start with 'tenant-wide:' and say why", table)
                        .startsWith("tenant-wide:");
                assertThat(owner.sql("select count(*) from pg_policies where schemaname = :schema and tablename = :table"
                                + " and qual like '%in_tenant_scope()%' and with_check like '%in_tenant_scope()%'")
                        .param("schema", SCHEMA).param("table", table).query(Long.class).single())
                        .as("tenant-wide %s still admits its own tenant only", table).isPositive();
                continue;
            }
            List<String> policies = owner.sql("""
                    select coalesce(qual, '') || ' | ' || coalesce(with_check, '') from pg_policies
                    where schemaname = :schema and tablename = :table and cmd = 'ALL'""")
                    .param("schema", SCHEMA).param("table", table).query(String.class).list();
            assertThat(policies).as("%s has one policy for every command", table).hasSize(1);
            assertThat(policies.get(0)).as("%s checks the store scope when reading (USING) and writing (WITH CHECK)", table)
                    .matches(".*in_store_scope\\(store_id\\).*\\|.*in_store_scope\\(store_id\\).*");
        }
    }

    @Test
    void everyTableIsCapturedWithItsWholeRow() {
        List<String> published = owner.sql("""
                select tablename from pg_publication_tables where pubname = 'storecrm_cdc' and schemaname = :schema""")
                .param("schema", SCHEMA).query(String.class).list();
        assertThat(published).as("tables in the publication storecrm_cdc").containsExactlyInAnyOrderElementsOf(tables);
        for (String table : tables) {
            String identity = owner.sql("select relreplident::text from pg_class where oid = cast(:table as regclass)")
                    .param("table", SCHEMA + "." + table).query(String.class).single();
            assertThat(identity).as("%s has REPLICA IDENTITY FULL, so deletes carry tenant and store", table).isEqualTo("f");
            assertThat(privilege(PlatformDatabase.CDC_ROLE, table, "SELECT"))
                    .as("the CDC role can snapshot %s", table).isTrue();
        }
    }

    @Test
    void everyTableHasAPrimaryKeyTheCaptureSnapshotCanSplit() {
        // The CDC snapshot splits a table into chunks by min/max of its first key column; PostgreSQL
        // has no min/max over boolean (a singleton settings row keyed by `id boolean` stalls the job).
        for (String table : tables) {
            List<String> keyTypes = owner.sql("""
                    select format_type(a.atttypid, a.atttypmod) from pg_index i
                    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                    where i.indrelid = cast(:table as regclass) and i.indisprimary""")
                    .param("table", SCHEMA + "." + table).query(String.class).list();
            assertThat(keyTypes).as("%s has a primary key", table).hasSize(1);
            assertThat(keyTypes.get(0)).as("first key column of %s", table)
                    .isIn("uuid", "bigint", "integer", "smallint", "text", "character varying", "date",
                            "timestamp with time zone", "timestamp without time zone", "numeric");
        }
    }

    @Test
    void theApplicationRoleOwnsNothingAndCannotBypassTheRules() {
        long owned = owner.sql("""
                select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = :schema and pg_get_userbyid(c.relowner) = :app""")
                .param("schema", SCHEMA).param("app", DATABASE.appUser()).query(Long.class).single();
        assertThat(owned).isZero();
        assertThat(owner.sql("select rolbypassrls or rolsuper from pg_roles where rolname = :app")
                .param("app", DATABASE.appUser()).query(Boolean.class).single()).isFalse();
        for (String table : tables) {
            assertThat(privilege(DATABASE.appUser(), table, "SELECT")).as("the application can use %s", table).isTrue();
        }
    }

    private boolean hasColumn(String table, String column) {
        return owner.sql("""
                select count(*) from information_schema.columns
                where table_schema = :schema and table_name = :table and column_name = :column""")
                .param("schema", SCHEMA).param("table", table).param("column", column).query(Long.class).single() == 1;
    }

    private String comment(String table) {
        return owner.sql("select coalesce(obj_description(cast(:table as regclass), 'pg_class'), '')")
                .param("table", SCHEMA + "." + table).query(String.class).single();
    }

    private boolean flag(String table, String column) {
        return owner.sql("select " + column + " from pg_class where oid = cast(:table as regclass)")
                .param("table", SCHEMA + "." + table).query(Boolean.class).single();
    }

    private boolean privilege(String role, String table, String privilege) {
        return owner.sql("select has_table_privilege(:role, cast(:table as regclass), :privilege)")
                .param("role", role).param("table", SCHEMA + "." + table).param("privilege", privilege)
                .query(Boolean.class).single();
    }
}
