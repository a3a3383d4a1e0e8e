package com.storecrm.admin.onboarding;

import com.storecrm.warehouse.ClickHouseHttp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What tenant-admin needs from the analytics warehouse: the last change of a tenant the pipeline
 * applied (operator health), and removing a tenant's rows when it is offboarded.
 */
@Component
class AnalyticsWarehouse {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsWarehouse.class);

    private final ClickHouseHttp clickHouse;

    AnalyticsWarehouse(@Value("${platform.clickhouse.url:}") String url,
                      @Value("${platform.clickhouse.user:}") String user,
                      @Value("${platform.clickhouse.password:}") String password) {
        this.clickHouse = url == null || url.isBlank() ? null : new ClickHouseHttp(url, user, password);
    }

    /** Empty when no warehouse is configured, nothing arrived yet, or the warehouse cannot be read now. */
    Optional<Instant> lastChangeSeen(String tenantSlug) {
        if (clickHouse == null) {
            return Optional.empty();
        }
        try {
            // The slug is validated ([a-z][a-z0-9_]*), so it is safe inside the literal.
            List<String> rows = clickHouse.query("SELECT toString(last_commit_at) FROM storecrm.cdc_progress FINAL"
                    + " WHERE tenant = '" + tenantSlug + "'");
            return rows.stream().findFirst()
                    .map(value -> LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
        } catch (RuntimeException e) {
            log.warn("cannot read analytics progress of tenant {}: {}", tenantSlug, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Deletes every row of the tenant from every warehouse table that has a {@code tenant} column.
     * ClickHouse applies such deletes as mutations in the background; false when no warehouse is
     * configured or it refused.
     */
    boolean purge(String tenantSlug) {
        if (clickHouse == null) {
            return false;
        }
        try {
            for (String table : clickHouse.query("SELECT table FROM system.columns WHERE database = 'storecrm'"
                    + " AND name = 'tenant' ORDER BY table")) {
                // The slug is validated ([a-z][a-z0-9_]*), so it is safe inside the literal.
                clickHouse.execute("ALTER TABLE storecrm." + table + " DELETE WHERE tenant = '" + tenantSlug + "'");
            }
            return true;
        } catch (RuntimeException e) {
            log.error("cannot purge the warehouse rows of tenant {}", tenantSlug, e);
            return false;
        }
    }
}
