package com.storecrm.ingestion;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MeterView;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers rows per table and writes them as one JSONEachRow insert per table when the oldest row
 * has waited the flush interval, when the batch is full, or before a checkpoint barrier. It records
 * per-tenant progress in {@code storecrm.cdc_progress} at most once a second and at every checkpoint. Everything runs in
 * the task's mailbox thread (writes, timers, checkpoint flushes), so no locking is needed.
 *
 * <p>Metrics (operator scope): {@code rowsWritten}, {@code rowsPerSecond}, {@code batchSize},
 * {@code writeFailures}, {@code rowsSkipped} (tables the warehouse does not have),
 * {@code commitToApplyMs} (histogram); per tenant (key-value group {@code tenant}, a label in
 * Prometheus) {@code rowsWritten}, {@code rowsPerSecond}, {@code batchRows}, {@code writeFailures}
 * and {@code lagMs}; and on subtask 0
 * {@code slotRetainedWalBytes} / {@code slotSafeWalBytes}.
 */
final class ClickHouseSinkWriter implements SinkWriter<ChangeEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseSinkWriter.class);
    private static final JsonFactory JSON = new JsonFactory();
    /** Columns the sink sets itself; a source column of the same name (lead.version) is not copied. */
    private static final Set<String> SINK_COLUMNS = Set.of("tenant", "version", "deleted", "committed_at", "ingested_at");
    private static final long SLOT_CHECK_EVERY_MS = 10_000;
    private static final long PROGRESS_EVERY_MS = 1_000;

    private final CdcSettings settings;
    private final Warehouse warehouse;
    private final ProcessingTimeService time;
    private final ReplicationSlotMonitor slotMonitor;

    private final Map<String, List<String>> pending = new LinkedHashMap<>();
    private final Map<String, TenantMark> marks = new HashMap<>();
    private final Map<String, String> progress = new LinkedHashMap<>();
    private long progressWrittenAt;
    private int pendingRows;
    private boolean flushScheduled;

    private final SinkWriterMetricGroup metrics;
    private final Counter rowsWritten;
    private final Counter writeFailures;
    private final Counter rowsSkipped;
    private final Histogram batchSize;
    private final Histogram commitToApply;
    private final Map<String, TenantMetrics> tenantMetrics = new HashMap<>();

    ClickHouseSinkWriter(CdcSettings settings, Warehouse warehouse, ProcessingTimeService time,
                         SinkWriterMetricGroup metrics, ReplicationSlotMonitor slotMonitor) {
        this.settings = settings;
        this.warehouse = warehouse;
        this.time = time;
        this.slotMonitor = slotMonitor;
        this.metrics = metrics;
        this.rowsWritten = metrics.counter("rowsWritten");
        metrics.meter("rowsPerSecond", new MeterView(rowsWritten));
        this.writeFailures = metrics.counter("writeFailures");
        this.rowsSkipped = metrics.counter("rowsSkipped");
        this.batchSize = metrics.histogram("batchSize", new DescriptiveStatisticsHistogram(1000));
        this.commitToApply = metrics.histogram("commitToApplyMs", new DescriptiveStatisticsHistogram(1000));
        if (slotMonitor != null) {
            metrics.gauge("slotRetainedWalBytes", slotMonitor::retainedBytes);
            metrics.gauge("slotSafeWalBytes", slotMonitor::safeBytes);
            scheduleSlotCheck(0);
        }
    }

    @Override
    public void write(ChangeEvent event, Context context) throws IOException, InterruptedException {
        if (!warehouse.knows(event.table)) {
            rowsSkipped.inc();
            return;
        }
        pending.computeIfAbsent(event.table, t -> new ArrayList<>()).add(json(event));
        marks.computeIfAbsent(event.tenant, t -> new TenantMark()).add(event);
        pendingRows++;
        if (pendingRows >= settings.batchRows()) {
            flushAll();
        } else if (!flushScheduled) {
            flushScheduled = true;
            time.registerTimer(time.getCurrentProcessingTime() + settings.flushInterval().toMillis(), ts -> {
                flushScheduled = false;
                flushAll();
            });
        }
    }

    /** Called before every checkpoint barrier (and at end of input): nothing may stay buffered. */
    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        flushAll();
        writeProgress();
    }

    private void flushAll() throws IOException, InterruptedException {
        if (pendingRows == 0) {
            return;
        }
        int rows = pendingRows;
        long failuresBefore = writeFailures.getCount();
        for (Map.Entry<String, List<String>> batch : pending.entrySet()) {
            if (!warehouse.insert(batch.getKey(), batch.getValue(), writeFailures::inc)) {
                rowsSkipped.inc(batch.getValue().size());
            }
        }
        long appliedAt = System.currentTimeMillis();
        for (Map.Entry<String, TenantMark> mark : marks.entrySet()) {
            // Snapshot rows carry no commit time: a tenant seen only through its snapshot is current as of now.
            boolean streamed = mark.getValue().commitMillis > 0;
            long lastCommit = streamed ? mark.getValue().commitMillis : appliedAt;
            long lag = Math.max(0, appliedAt - lastCommit);
            progress.put(mark.getKey(), progressRow(mark.getKey(), mark.getValue().lsn, lastCommit, lag, appliedAt));
            if (streamed) {
                commitToApply.update(lag);
            }
            tenantMetrics.computeIfAbsent(mark.getKey(), tenant -> new TenantMetrics(metrics.addGroup("tenant", tenant)))
                    .applied(mark.getValue().rows, lag, writeFailures.getCount() - failuresBefore);
        }
        if (appliedAt - progressWrittenAt >= PROGRESS_EVERY_MS) {
            writeProgress();
        }
        rowsWritten.inc(rows);
        batchSize.update(rows);
        LOG.debug("applied {} rows of {} tables for {} tenants", rows, pending.size(), marks.size());
        pending.clear();
        marks.clear();
        pendingRows = 0;
    }

    /**
     * The newest progress row per tenant, at most once a second and at every checkpoint: a second
     * insert per batch doubled ClickHouse's work at high change rates for a figure read by people.
     */
    private void writeProgress() throws IOException, InterruptedException {
        if (progress.isEmpty()) {
            return;
        }
        warehouse.insert("cdc_progress", new ArrayList<>(progress.values()), writeFailures::inc);
        progress.clear();
        progressWrittenAt = System.currentTimeMillis();
    }

    private void scheduleSlotCheck(long delayMs) {
        time.registerTimer(time.getCurrentProcessingTime() + delayMs, ts -> {
            slotMonitor.refresh();
            scheduleSlotCheck(SLOT_CHECK_EVERY_MS);
        });
    }

    static String json(ChangeEvent event) throws IOException {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            for (Map.Entry<String, Object> column : event.row.entrySet()) {
                if (!SINK_COLUMNS.contains(column.getKey())) {
                    json.writeFieldName(column.getKey());
                    value(json, column.getValue());
                }
            }
            json.writeStringField("tenant", event.tenant);
            json.writeNumberField("version", event.lsn);
            json.writeNumberField("deleted", event.isDelete() ? 1 : 0);
            json.writeStringField("committed_at", dateTime(event.commitMillis));
            json.writeEndObject();
        }
        return out.toString();
    }

    private static void value(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isFinite(number)) {
                json.writeNumber(number);
            } else {
                json.writeNull();
            }
        } else if (value instanceof Boolean flag) {
            json.writeNumber(flag ? 1 : 0); // UInt8 on 18.16, Bool accepts 0/1 today
        } else if (value instanceof BigDecimal decimal) {
            json.writeString(decimal.toPlainString());
        } else if (value instanceof List<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                value(json, item);
            }
            json.writeEndArray();
        } else {
            json.writeString(value.toString());
        }
    }

    private static String progressRow(String tenant, long lsn, long lastCommit, long lag, long appliedAt) throws IOException {
        StringWriter out = new StringWriter(160);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("tenant", tenant);
            json.writeStringField("last_commit_at", dateTime(lastCommit));
            json.writeNumberField("last_lsn", lsn);
            json.writeNumberField("lag_ms", lag);
            json.writeStringField("applied_at", dateTime(appliedAt));
            json.writeEndObject();
        }
        return out.toString();
    }

    private static String dateTime(long epochMillis) {
        return ChangeEventDeserializer.DATE_TIME.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
    }

    @Override
    public void close() {
        if (pendingRows > 0) {
            LOG.info("closing with {} unflushed rows; they are replayed from the last checkpoint", pendingRows);
        }
        if (slotMonitor != null) {
            slotMonitor.close();
        }
    }

    /** The newest change of one tenant in the current batch (LSN and commit time stay 0 for snapshot rows). */
    private static final class TenantMark {
        long lsn;
        long commitMillis;
        int rows;

        void add(ChangeEvent event) {
            rows++;
            lsn = Math.max(lsn, event.lsn);
            if (!ChangeEvent.READ.equals(event.op)) {
                commitMillis = Math.max(commitMillis, event.commitMillis);
            }
        }
    }

    /**
     * Per-tenant metrics in a {@code tenant} key-value group, which reporters (Prometheus) turn into a
     * {@code tenant} label: rows applied and their rate, rows per batch, lag, and failed write attempts
     * of batches that carried the tenant's rows.
     */
    private static final class TenantMetrics {
        private final Counter rows;
        private final Histogram batchRows;
        private final Counter failures;
        private volatile long lagMs;

        TenantMetrics(org.apache.flink.metrics.MetricGroup group) {
            this.rows = group.counter("rowsWritten");
            group.meter("rowsPerSecond", new MeterView(rows));
            this.batchRows = group.histogram("batchRows", new DescriptiveStatisticsHistogram(500));
            this.failures = group.counter("writeFailures");
            group.gauge("lagMs", () -> lagMs);
        }

        void applied(int batchRowsOfTenant, long lag, long failedAttempts) {
            rows.inc(batchRowsOfTenant);
            batchRows.update(batchRowsOfTenant);
            failures.inc(failedAttempts);
            lagMs = lag;
        }
    }
}
