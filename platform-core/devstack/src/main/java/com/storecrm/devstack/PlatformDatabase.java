package com.storecrm.devstack;

import com.storecrm.tenancy.catalog.CatalogMigrations;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform's PostgreSQL as the services see it: a database with an owner role (migrations,
 * onboarding) and an application role that owns nothing and cannot bypass row-level security.
 */
public final class PlatformDatabase {

    public static final String OWNER_ROLE = "storecrm_owner";
    public static final String APP_ROLE = "storecrm_app";
    public static final String CDC_ROLE = "storecrm_cdc";

    private final String jdbcUrl;
    private final String ownerPassword;
    private final String appPassword;
    private HikariDataSource owner;
    private HikariDataSource app;

    PlatformDatabase(String jdbcUrl, String ownerPassword, String appPassword) {
        this.jdbcUrl = jdbcUrl;
        this.ownerPassword = ownerPassword;
        this.appPassword = appPassword;
    }

    /** The shared embedded database of this JVM (tests); started on first use, stopped at exit. */
    public static PlatformDatabase embedded() {
        return EmbeddedDatabase.shared();
    }

    /** An embedded database kept in {@code dataDir}, reused across runs (the local platform). */
    public static PlatformDatabase embedded(Path dataDir, int port) {
        return EmbeddedDatabase.persistent(dataDir, port);
    }

    /**
     * Creates the two roles when missing and prepares the database for the owner. Needs a superuser
     * (or a role with CREATEROLE), once per database; external installations can run the same SQL
     * from {@code docs/postgres-setup.sql} by hand.
     */
    static void bootstrap(DataSource superuser, String ownerPassword, String appPassword) {
        bootstrap(superuser, ownerPassword, appPassword, "cdc-secret");
    }

    static void bootstrap(DataSource superuser, String ownerPassword, String appPassword, String cdcPassword) {
        JdbcTemplate jdbc = new JdbcTemplate(superuser);
        jdbc.execute("""
                do $$ begin
                  if not exists (select from pg_roles where rolname = '%1$s') then
                    create role %1$s login password '%2$s';
                  end if;
                  if not exists (select from pg_roles where rolname = '%3$s') then
                    create role %3$s login password '%4$s';
                  end if;
                  if not exists (select from pg_roles where rolname = '%5$s') then
                    create role %5$s login password '%6$s';
                  end if;
                end $$""".formatted(OWNER_ROLE, ownerPassword, APP_ROLE, appPassword, CDC_ROLE, cdcPassword));
        jdbc.execute("alter role " + OWNER_ROLE + " nosuperuser nobypassrls replication");
        jdbc.execute("alter role " + APP_ROLE + " nosuperuser nobypassrls nocreatedb nocreaterole noreplication");
        jdbc.execute("alter role " + CDC_ROLE + " nosuperuser bypassrls replication nocreatedb nocreaterole");
        String database = jdbc.queryForObject("select current_database()", String.class);
        jdbc.execute("grant create, connect on database \"" + database + "\" to " + OWNER_ROLE);
        jdbc.execute("grant connect on database \"" + database + "\" to " + APP_ROLE);
        jdbc.execute("grant connect on database \"" + database + "\" to " + CDC_ROLE);
        jdbc.execute("alter schema public owner to " + OWNER_ROLE);
        jdbc.execute("revoke create on schema public from public");
    }

    void migrateCatalog() {
        CatalogMigrations.migrate(ownerDataSource(), APP_ROLE);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String ownerUser() {
        return OWNER_ROLE;
    }

    public String ownerPassword() {
        return ownerPassword;
    }

    public String appUser() {
        return APP_ROLE;
    }

    public String appPassword() {
        return appPassword;
    }

    public String cdcUser() {
        return CDC_ROLE;
    }

    public String cdcPassword() {
        return "cdc-secret";
    }

    public synchronized DataSource ownerDataSource() {
        if (owner == null) {
            owner = pool(OWNER_ROLE, ownerPassword, "owner");
        }
        return owner;
    }

    public synchronized DataSource appDataSource() {
        if (app == null) {
            app = pool(APP_ROLE, appPassword, "app");
        }
        return app;
    }

    private HikariDataSource pool(String user, String password, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("devstack-" + name);
        return new HikariDataSource(config);
    }
}
