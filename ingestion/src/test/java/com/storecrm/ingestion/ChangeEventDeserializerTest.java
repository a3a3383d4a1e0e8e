package com.storecrm.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.util.Collector;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class ChangeEventDeserializerTest {

    private static final Schema ROW = SchemaBuilder.struct().optional()
            .field("id", SchemaBuilder.string().name("io.debezium.data.Uuid").build())
            .field("name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("notes", Schema.OPTIONAL_STRING_SCHEMA)
            .field("created_at", SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").optional().build())
            .field("local_at", SchemaBuilder.int64().name("io.debezium.time.MicroTimestamp").optional().build())
            .field("due", SchemaBuilder.int32().name("io.debezium.time.Date").optional().build())
            .field("amount", Schema.OPTIONAL_STRING_SCHEMA)
            .field("version", Schema.INT64_SCHEMA)
            .field("active", Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .build();
    private static final Schema SOURCE = SchemaBuilder.struct()
            .field("schema", Schema.STRING_SCHEMA)
            .field("table", Schema.STRING_SCHEMA)
            .field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
            .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
            .build();
    private static final Schema ENVELOPE = SchemaBuilder.struct()
            .field("before", ROW)
            .field("after", ROW)
            .field("source", SOURCE)
            .field("op", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
            .build();

    @Test
    void anUpdateBecomesTheAfterImageInWarehouseTextForms() throws Exception {
        Struct before = row("Old name", "long notes kept in TOAST");
        Struct after = row("王芳", ChangeEventDeserializer.UNAVAILABLE);
        ChangeEvent event = deserialize(record("tenant_acme", "u", before, after, 123456789L));

        assertThat(event.tenant).isEqualTo("acme");
        assertThat(event.table).isEqualTo("lead");
        assertThat(event.op).isEqualTo("u");
        assertThat(event.lsn).isEqualTo(123456789L);
        assertThat(event.commitMillis).isEqualTo(1_700_000_000_123L);
        assertThat(event.row).containsEntry("id", "7f1c7d2e-52d4-4f7e-9a39-2d1f3c4b5a69")
                .containsEntry("name", "王芳")
                .containsEntry("notes", "long notes kept in TOAST") // unchanged TOAST value from the before-image
                .containsEntry("created_at", "2024-03-01 09:15:30")  // +08:00 -> UTC, fraction truncated
                .containsEntry("local_at", "2024-03-01 01:02:03")
                .containsEntry("due", "2024-03-10")
                .containsEntry("amount", "1234.50")
                .containsEntry("active", true);

        String json = ClickHouseSinkWriter.json(event);
        assertThat(json).contains("\"tenant\":\"acme\"", "\"version\":123456789", "\"deleted\":0",
                "\"committed_at\":\"2023-11-14 22:13:20\"", "\"active\":1", "\"name\":\"王芳\"");
        assertThat(json).as("the source's own version column is replaced by the LSN").doesNotContain("\"version\":7");
    }

    @Test
    void aDeleteCarriesTheBeforeImageAndSnapshotRowsVersionZero() {
        ChangeEvent delete = deserialize(record("tenant_acme", "d", row("Gone", null), null, 99L));
        assertThat(delete.isDelete()).isTrue();
        assertThat(delete.row).containsEntry("name", "Gone");

        ChangeEvent read = deserialize(record("tenant_acme", "r", null, row("Snapshot", null), 555L));
        assertThat(read.lsn).isZero();
    }

    @Test
    void heartbeatsAndOtherSchemasAreDropped() {
        assertThat(ChangeEventDeserializer.toEvent(record("public", "c", null, row("x", null), 1L))).isNull();
        Schema heartbeat = SchemaBuilder.struct().field("ts_ms", Schema.INT64_SCHEMA).build();
        assertThat(ChangeEventDeserializer.toEvent(new SourceRecord(Map.of(), Map.of(), "__debezium-heartbeat", heartbeat,
                new Struct(heartbeat).put("ts_ms", 1L)))).isNull();
    }

    private static Struct row(String name, String notes) {
        return new Struct(ROW)
                .put("id", "7f1c7d2e-52d4-4f7e-9a39-2d1f3c4b5a69")
                .put("name", name)
                .put("notes", notes)
                .put("created_at", "2024-03-01T17:15:30.987654+08:00")
                .put("local_at", 1_709_254_923_456_789L)
                .put("due", 19792)
                .put("amount", "1234.50")
                .put("version", 7L)
                .put("active", true);
    }

    private static SourceRecord record(String schema, String op, Struct before, Struct after, long lsn) {
        Struct source = new Struct(SOURCE).put("schema", schema).put("table", "lead").put("lsn", lsn)
                .put("ts_ms", 1_700_000_000_123L);
        Struct value = new Struct(ENVELOPE).put("before", before).put("after", after).put("source", source).put("op", op)
                .put("ts_ms", 1_700_000_000_500L);
        return new SourceRecord(Map.of(), Map.of(), "postgres_cdc_source." + schema + ".lead", ENVELOPE, value);
    }

    private static ChangeEvent deserialize(SourceRecord record) {
        List<ChangeEvent> out = new ArrayList<>();
        new ChangeEventDeserializer().deserialize(record, new Collector<>() {
            @Override
            public void collect(ChangeEvent event) {
                out.add(event);
            }

            @Override
            public void close() {
            }
        });
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    @Test
    void utcTimestampsAreCutToTheWarehouseFormAndOffsetsAreConvertedToUtc() {
        assertThat(ChangeEventDeserializer.utcDateTime("2024-03-01T09:15:30.123456Z")).isEqualTo("2024-03-01 09:15:30");
        assertThat(ChangeEventDeserializer.utcDateTime("2024-03-01T09:15:30Z")).isEqualTo("2024-03-01 09:15:30");
        assertThat(ChangeEventDeserializer.utcDateTime("2024-03-01T01:15:30.5+08:00")).isEqualTo("2024-02-29 17:15:30");
        assertThat(ChangeEventDeserializer.utcDateTime("2024-12-31T23:59:59.999-01:00")).isEqualTo("2025-01-01 00:59:59");
    }
}
