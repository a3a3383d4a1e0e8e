package com.storecrm.ingestion;

import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

/**
 * Writes change events to {@code storecrm.<table>} in ClickHouse in small batches. At-least-once:
 * the writer flushes everything before each checkpoint barrier passes, so a checkpoint (and the
 * replication slot position committed with it) never covers rows ClickHouse has not stored;
 * rows written again after a restart are harmless because the tables are ReplacingMergeTree
 * versioned by LSN.
 */
public final class ClickHouseSink implements Sink<ChangeEvent> {

    private static final long serialVersionUID = 1L;

    private final CdcSettings settings;

    public ClickHouseSink(CdcSettings settings) {
        this.settings = settings;
    }

    @Override
    public SinkWriter<ChangeEvent> createWriter(WriterInitContext context) {
        return writer(context.getProcessingTimeService(), context.metricGroup(), context.getTaskInfo().getIndexOfThisSubtask());
    }

    @Override
    @Deprecated
    public SinkWriter<ChangeEvent> createWriter(InitContext context) {
        return writer(context.getProcessingTimeService(), context.metricGroup(), context.getTaskInfo().getIndexOfThisSubtask());
    }

    private SinkWriter<ChangeEvent> writer(ProcessingTimeService time, SinkWriterMetricGroup metrics, int subtask) {
        ReplicationSlotMonitor slotMonitor = subtask == 0 ? new ReplicationSlotMonitor(settings) : null;
        return new ClickHouseSinkWriter(settings, new Warehouse(settings), time, metrics, slotMonitor);
    }
}
