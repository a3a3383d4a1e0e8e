package com.storecrm.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real PostgreSQL from Maven Central binaries, configured for logical decoding (change data capture). */
final class EmbeddedDatabase {

    private static PlatformDatabase shared;

    private EmbeddedDatabase() {
    }

    static synchronized PlatformDatabase shared() {
        if (shared == null) {
            EmbeddedPostgres postgres = start(builder());
            shared = prepare(postgres, "owner-secret", "app-secret");
        }
        return shared;
    }

    static PlatformDatabase persistent(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedPostgres postgres = start(builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port));
        return prepare(postgres, "owner-secret", "app-secret");
    }

    private static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                .setServerConfig("wal_level", "logical")
                .setServerConfig("max_replication_slots", "8")
                .setServerConfig("max_wal_senders", "8")
                .setServerConfig("max_slot_wal_keep_size", "1GB")
                .setServerConfig("max_connections", "300")
                .setServerConfig("timezone", "UTC");
    }

    private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder) {
        try {
            EmbeddedPostgres postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the process is going away; nothing left to report to
                }
            }, "embedded-postgres-stop"));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    private static PlatformDatabase prepare(EmbeddedPostgres postgres, String ownerPassword, String appPassword) {
        PlatformDatabase.bootstrap(postgres.getPostgresDatabase(), ownerPassword, appPassword);
        PlatformDatabase database = new PlatformDatabase(postgres.getJdbcUrl("postgres", "postgres")
                .replaceAll("[?&]user=postgres", ""), ownerPassword, appPassword);
        database.migrateCatalog();
        return database;
    }
}
