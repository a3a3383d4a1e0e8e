package com.storecrm.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storecrm.crm.lead.internal.LeadRepository;
import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import com.storecrm.crm.support.TwoTenants;
import com.storecrm.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database itself keeps stores and tenants apart: plain SQL as the application role, with no
 * application filter at all, sees and changes only what the transaction settings admit, and the role
 * has no way to switch the policies off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadRowLevelSecurityIT extends CrmIntegrationTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Autowired
    private LeadService leadService;

    @Autowired
    private LeadRepository leadRepository;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private EntityManager entityManager;

    private TwoTenants cast;
    private String schemaA;
    private String schemaB;
    private Set<UUID> leadsInA1;
    private Set<UUID> leadsInA2;
    private UUID leadInA1;
    private UUID leadInA2;
    private UUID leadInB1;

    @BeforeAll
    void createLeadsThroughTheApi() {
        cast = new TwoTenants(FIXTURES, TOKENS, "rls");
        schemaA = cast.a.schema();
        schemaB = cast.b.schema();
        leadInA1 = create(cast.rep1, cast.a1, "First in a1");
        UUID secondInA1 = create(cast.rep1, cast.a1, "Second in a1");
        leadInA2 = create(cast.rep2, cast.a2, "Only in a2");
        leadInB1 = create(cast.repB, cast.b1, "Only in b1");
        leadsInA1 = Set.of(leadInA1, secondInA1);
        leadsInA2 = Set.of(leadInA2);
    }

    @Nested
    class Reads {

        @Test
        void aTransactionScopedToOneStoreSeesOnlyThatStoreWithoutAnyWhereClause() {
            Map<UUID, UUID> visible = visibleLeads(schemaA, scope(schemaA, cast.a1), "lead");

            assertThat(visible.keySet()).containsExactlyInAnyOrderElementsOf(leadsInA1);
            assertThat(visible.values()).containsOnly(cast.a1);
        }

        @Test
        void aTransactionWithoutSettingsSeesNothing() {
            assertThat(visibleLeads(schemaA, null, "lead")).isEmpty();
        }

        @Test
        void anotherTenantsSettingsSeeNothingOfThisTenantEvenWithAllStores() {
            Scope tenantB = new Scope(schemaB, List.of(cast.a1, cast.a2, cast.b1), true);

            assertThat(visibleLeads(schemaA, tenantB, schemaA + ".lead")).isEmpty();
        }

        @Test
        void theTenantSettingMustNameTheTablesOwnSchemaNotJustTheSearchPath() {
            Scope tenantA = new Scope(schemaA, List.of(cast.a1, cast.b1), true);

            assertThat(visibleLeads(schemaB, tenantA, "lead")).isEmpty();
        }

        @Test
        void allStoresSeesEveryStoreOfTheTenantAndNothingOfAnother() {
            Scope allOfA = new Scope(schemaA, List.of(), true);

            Map<UUID, UUID> ownTenant = visibleLeads(schemaA, allOfA, "lead");
            Map<UUID, UUID> otherTenant = visibleLeads(schemaA, allOfA, schemaB + ".lead");

            Set<UUID> allOfTenantA = new HashSet<>(leadsInA1);
            allOfTenantA.addAll(leadsInA2);
            assertThat(ownTenant.keySet()).containsExactlyInAnyOrderElementsOf(allOfTenantA).doesNotContain(leadInB1);
            assertThat(otherTenant).isEmpty();
        }
    }

    @Nested
    class Writes {

        @Test
        void insertsARowIntoTheStoreInScope() {
            int inserted = asApp(schemaA, scope(schemaA, cast.a1), connection -> insertLead(connection, cast.a1));

            assertThat(inserted).isEqualTo(1);
        }

        @Test
        void refusesToInsertARowIntoAStoreOutsideTheScope() {
            asApp(schemaA, scope(schemaA, cast.a1), connection -> {
                assertRefusedByPolicy(() -> insertLead(connection, cast.a2));
                return null;
            });
        }

        @Test
        void refusesToMoveAVisibleRowIntoAStoreOutsideTheScope() {
            asApp(schemaA, scope(schemaA, cast.a1), connection -> {
                assertRefusedByPolicy(() -> update(connection, "update lead set store_id = ? where id = ?",
                        cast.a2, leadInA1));
                return null;
            });
        }

        @Test
        void cannotUpdateOrDeleteRowsOutsideTheScope() {
            int[] changed = asApp(schemaA, scope(schemaA, cast.a1), connection -> new int[] {
                    update(connection, "update lead set name = 'taken over', store_id = ? where id = ?", cast.a1, leadInA2),
                    update(connection, "update lead set name = 'renamed'"),
                    update(connection, "delete from lead where id = ?", leadInA2),
                    update(connection, "delete from lead where store_id = ?", cast.a2)});

            assertThat(changed[0]).as("update of the a2 row").isZero();
            assertThat(changed[1]).as("update of every row reaches only a1").isEqualTo(leadsInA1.size());
            assertThat(changed[2]).as("delete of the a2 row").isZero();
            assertThat(changed[3]).as("delete of all of a2").isZero();
        }
    }

    @Nested
    class TheApplicationRole {

        @Test
        void isNeitherSuperuserNorAbleToBypassRowLevelSecurity() {
            List<Object> role = appRow(
                    "select current_user, rolsuper, rolbypassrls from pg_roles where rolname = current_user");

            assertThat(role).containsExactly(DATABASE.appUser(), false, false);
        }

        @Test
        void ownsNothingInTheTenantSchemas() {
            List<Object> owned = appRow("""
                    select (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                            where n.nspname like 'tenant\\_%' and c.relowner = r.oid),
                           (select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                            where n.nspname like 'tenant\\_%' and p.proowner = r.oid),
                           (select count(*) from pg_namespace n where n.nspname like 'tenant\\_%' and n.nspowner = r.oid)
                    from pg_roles r where r.rolname = current_user""");

            assertThat(owned).as("relations, functions, schemas").containsExactly(0L, 0L, 0L);
        }

        @Test
        void cannotSwitchRowLevelSecurityOffOrDropThePolicy() {
            assertRefusedToTheAppRole("alter table lead disable row level security", "must be owner");
            assertRefusedToTheAppRole("alter table lead no force row level security", "must be owner");
            assertRefusedToTheAppRole("drop policy lead_store_isolation on lead", "must be owner");
            assertRefusedToTheAppRole("create or replace function in_store_scope(row_store uuid) returns boolean"
                    + " language sql stable as 'select true'", "permission denied for schema");
        }

        private void assertRefusedToTheAppRole(String sql, String reason) {
            asApp(schemaA, scope(schemaA, cast.a1), connection -> {
                assertThatThrownBy(() -> update(connection, sql)).as(sql)
                        .isInstanceOfSatisfying(SQLException.class, e -> {
                            assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE);
                            assertThat(e.getMessage()).contains(reason);
                        });
                return null;
            });
        }

        @Test
        void cannotReadPasswordHashesButCanResolveUsers() {
            asApp(schemaA, null, connection -> {
                assertThatThrownBy(() -> row(connection, "select password_hash from public.app_user limit 1"))
                        .isInstanceOfSatisfying(SQLException.class, e -> {
                            assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE);
                            assertThat(e.getMessage()).contains("permission denied");
                        });
                return null;
            });

            List<Object> admin = appRow("select id, username from public.app_user where id = '"
                    + cast.a.adminUserId() + "'");
            assertThat(admin).containsExactly(cast.a.adminUserId(), "admin");
        }

        /** Guards every future migration: a store-scoped table without forced row-level security fails here. */
        @Test
        void everyStoreScopedTableOfEveryTenantSchemaForcesRowLevelSecurityWithAPolicy() {
            List<List<Object>> tables = asApp(schemaA, null, connection -> rows(connection, """
                    select n.nspname || '.' || c.relname, c.relrowsecurity, c.relforcerowsecurity,
                           exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polqual is not null)
                    from pg_class c
                    join pg_namespace n on n.oid = c.relnamespace
                    join pg_attribute a on a.attrelid = c.oid and a.attname = 'store_id' and not a.attisdropped
                    where n.nspname like 'tenant\\_%' and c.relkind in ('r', 'p')
                    order by 1"""));

            assertThat(tables).extracting(t -> t.get(0)).contains(schemaA + ".lead", schemaB + ".lead");
            assertThat(tables).allSatisfy(table -> assertThat(table.subList(1, 4))
                    .as("%s: row security, forced, has a USING policy", table.get(0))
                    .containsOnly(true));
        }
    }

    @Nested
    class WithoutATenantContext {

        @Test
        void theLeadServiceRefusesToWork() {
            assertThat(TenantContext.current()).isEmpty();

            assertThatThrownBy(() -> leadService.list(null, null, 0, 50, null))
                    .isInstanceOf(TenantContext.MissingTenantScope.class);
            assertThatThrownBy(() -> leadService.get(leadInA1)).isInstanceOf(TenantContext.MissingTenantScope.class);
            assertThatThrownBy(() -> leadService.create(new NewLead(cast.a1, "No scope", null, null, null, null,
                    null, null))).isInstanceOf(TenantContext.MissingTenantScope.class);
        }

        @Test
        void theRepositoryFailsOnASchemaThatDoesNotExistInsteadOfReturningRows() {
            TransactionTemplate transaction = new TransactionTemplate(transactionManager);

            List<Object> schema = transaction.execute(status -> entityManager.unwrap(Session.class)
                    .doReturningWork(connection -> row(connection, "select current_setting('search_path'), current_schema()")));
            assertThat(schema).as("search path, first existing schema on it").containsExactly("no_tenant", null);
            assertThat(appRow("select count(*) from pg_namespace where nspname = 'no_tenant'")).containsExactly(0L);

            assertThatThrownBy(() -> transaction.execute(status -> leadRepository.findAll()))
                    .isInstanceOf(DataAccessException.class)
                    .rootCause().hasMessageContaining("relation \"lead\" does not exist");
            assertThatThrownBy(() -> transaction.execute(status -> leadRepository.findById(leadInA1)))
                    .isInstanceOf(DataAccessException.class);
            assertThatThrownBy(() -> transaction.execute(status -> leadRepository.count()))
                    .isInstanceOf(DataAccessException.class);
        }
    }

    // --- plain SQL as the application role -------------------------------------------------------

    /** The transaction settings the application sets from the caller; {@code null} for none at all. */
    private record Scope(String tenant, List<UUID> stores, boolean allStores) {

        void applyTo(Connection connection) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement("select set_config('app.tenant', ?, true),"
                    + " set_config('app.store_ids', ?, true), set_config('app.all_stores', ?, true)")) {
                statement.setString(1, tenant);
                statement.setString(2, String.join(",", stores.stream().map(UUID::toString).toList()));
                statement.setString(3, allStores ? "on" : "off");
                statement.execute();
            }
        }
    }

    private static Scope scope(String tenant, UUID store) {
        return new Scope(tenant, List.of(store), false);
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction of the application role that is always rolled back. */
    private static <T> T asApp(String searchPath, Scope scope, SqlWork<T> work) {
        try (Connection connection = DATABASE.appDataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement statement = connection.prepareStatement("select set_config('search_path', ?, true)")) {
                    statement.setString(1, searchPath);
                    statement.execute();
                }
                if (scope != null) {
                    scope.applyTo(connection);
                }
                return work.run(connection);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lead id to store id of every row of {@code table} the transaction can see. */
    private static Map<UUID, UUID> visibleLeads(String searchPath, Scope scope, String table) {
        return asApp(searchPath, scope, connection -> storesById(connection, table));
    }

    /** The single row a catalog query returns, run as the application role without any scope. */
    private List<Object> appRow(String sql) {
        return asApp(schemaA, null, connection -> row(connection, sql));
    }

    private static Map<UUID, UUID> storesById(Connection connection, String table) throws SQLException {
        Map<UUID, UUID> stores = new HashMap<>();
        for (List<Object> row : rows(connection, "select id, store_id from " + table)) {
            stores.put((UUID) row.get(0), (UUID) row.get(1));
        }
        return stores;
    }

    private static int insertLead(Connection connection, UUID store) throws SQLException {
        return update(connection, "insert into lead (id, store_id, name, status, created_at, updated_at)"
                + " values (?, ?, 'inserted by hand', 'PENDING', now(), now())", UUID.randomUUID(), store);
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static List<Object> row(Connection connection, String sql) throws SQLException {
        List<List<Object>> rows = rows(connection, sql);
        assertThat(rows).as(sql).hasSize(1);
        return rows.get(0);
    }

    private static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static void assertRefusedByPolicy(ThrowingCallable write) {
        assertThatThrownBy(write).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE);
            assertThat(e.getMessage()).contains("row-level security");
        });
    }

    private UUID create(String bearer, UUID store, String name) {
        Api.Response response = api().post("/api/leads", bearer, Map.of("storeId", store.toString(), "name", name));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }
}
