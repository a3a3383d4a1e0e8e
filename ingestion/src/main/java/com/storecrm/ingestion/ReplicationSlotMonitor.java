package com.storecrm.ingestion;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How much WAL the job's replication slot holds back. PostgreSQL's {@code max_slot_wal_keep_size}
 * caps it (a stopped job cannot fill the disk; the slot is invalidated instead), this makes it
 * visible: gauges {@code slotRetainedWalBytes} / {@code slotSafeWalBytes} and a warning above the
 * configured threshold or when PostgreSQL reports the slot as endangered ({@code unreserved}) or
 * {@code lost}.
 */
final class ReplicationSlotMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicationSlotMonitor.class);
    private static final long WARN_EVERY_MS = 60_000;

    private final CdcSettings settings;
    private Connection connection;
    private volatile long retainedBytes = -1;
    private volatile long safeBytes = -1;
    private volatile String walStatus = "unknown";
    private long warnedAt;

    ReplicationSlotMonitor(CdcSettings settings) {
        this.settings = settings;
    }

    void refresh() {
        try {
            if (connection == null || connection.isClosed()) {
                Properties properties = new Properties();
                properties.setProperty("user", settings.dbUser());
                properties.setProperty("password", settings.dbPassword());
                properties.setProperty("ApplicationName", "storecrm-cdc-slot-monitor");
                properties.setProperty("connectTimeout", "5");
                properties.setProperty("socketTimeout", "10");
                connection = DriverManager.getConnection(settings.jdbcUrl(), properties);
            }
            try (PreparedStatement query = connection.prepareStatement("""
                    select pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint, safe_wal_size, wal_status
                    from pg_replication_slots where slot_name = ?""")) {
                query.setString(1, settings.slotName());
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next()) {
                        retainedBytes = rs.getLong(1);
                        long safe = rs.getLong(2);
                        safeBytes = rs.wasNull() ? -1 : safe;
                        walStatus = rs.getString(3);
                    } else {
                        retainedBytes = -1;
                        safeBytes = -1;
                        walStatus = "absent";
                    }
                }
            }
            report();
        } catch (SQLException e) {
            LOG.debug("cannot read replication slot {}: {}", settings.slotName(), e.getMessage());
            close();
        }
    }

    /** The slot holds more WAL than the warning threshold, or PostgreSQL is about to give it up or has. */
    boolean needsAttention() {
        boolean endangered = "unreserved".equals(walStatus) || "lost".equals(walStatus);
        return endangered || retainedBytes > settings.slotWalWarnBytes();
    }

    String walStatus() {
        return walStatus;
    }

    private void report() {
        long now = System.currentTimeMillis();
        if (needsAttention() && now - warnedAt >= WARN_EVERY_MS) {
            warnedAt = now;
            LOG.warn("replication slot {} retains {} bytes of WAL (status {}, {} bytes until max_slot_wal_keep_size"
                            + " invalidates it)", settings.slotName(), retainedBytes, walStatus,
                    safeBytes < 0 ? "unlimited" : safeBytes);
        }
    }

    long retainedBytes() {
        return retainedBytes;
    }

    long safeBytes() {
        return safeBytes;
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a broken connection
            }
            connection = null;
        }
    }
}
