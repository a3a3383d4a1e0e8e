package com.storecrm.analytics.warehouse;

import com.storecrm.warehouse.ClickHouseHttp;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the change-data-capture pipeline's state per tenant as Micrometer gauges, from what the
 * job records in ClickHouse: the delay of the last applied change and the age of the last change.
 */
@Component
class PipelineLagMetrics {

    private static final Logger log = LoggerFactory.getLogger(PipelineLagMetrics.class);

    private final ClickHouseHttp clickHouse;
    private final MultiGauge lag;
    private final MultiGauge age;

    PipelineLagMetrics(ClickHouseHttp clickHouse, MeterRegistry registry) {
        this.clickHouse = clickHouse;
        this.lag = MultiGauge.builder("storecrm.cdc.lag").baseUnit("milliseconds")
                .description("commit to ClickHouse delay of the last applied change").register(registry);
        this.age = MultiGauge.builder("storecrm.cdc.last.change.age").baseUnit("seconds")
                .description("time since the last change the pipeline applied").register(registry);
    }

    @Scheduled(fixedDelayString = "${platform.clickhouse.metrics-interval:15s}", initialDelay = 0)
    void refresh() {
        try {
            List<String[]> rows = clickHouse.query("SELECT tenant, lag_ms, now() - last_commit_at FROM storecrm.cdc_progress FINAL")
                    .stream().map(row -> row.split("\t")).toList();
            lag.register(rows.stream().map(r -> MultiGauge.Row.of(Tags.of("tenant", r[0]), Double.parseDouble(r[1]))).toList(), true);
            age.register(rows.stream().map(r -> MultiGauge.Row.of(Tags.of("tenant", r[0]), Double.parseDouble(r[2]))).toList(), true);
        } catch (RuntimeException e) {
            log.warn("cannot read pipeline progress from ClickHouse: {}", e.getMessage());
        }
    }
}
