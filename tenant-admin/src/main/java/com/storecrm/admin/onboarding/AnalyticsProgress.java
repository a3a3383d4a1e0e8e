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

/** The last change of a tenant that the analytics pipeline applied, as the operator's health shows it. */
@Component
class AnalyticsProgress {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsProgress.class);

    private final ClickHouseHttp clickHouse;

    AnalyticsProgress(@Value("${platform.clickhouse.url:}") String url,
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
}
