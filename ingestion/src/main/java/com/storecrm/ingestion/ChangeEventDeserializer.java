package com.storecrm.ingestion;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.cdc.debezium.DebeziumDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns Debezium's change records of {@code tenant_<slug>} tables into {@link ChangeEvent}s.
 * Timestamps become ClickHouse {@code DateTime} text in UTC ({@code yyyy-MM-dd HH:mm:ss}, truncated
 * to the second), dates {@code yyyy-MM-dd}, UUIDs and decimals (decimal.handling.mode=string) stay
 * strings. Heartbeats, schema changes and tables outside tenant schemas are dropped.
 */
public final class ChangeEventDeserializer implements DebeziumDeserializationSchema<ChangeEvent> {

    private static final long serialVersionUID = 1L;

    public static final String TENANT_SCHEMA_PREFIX = "tenant_";
    /** Debezium's stand-in for an unchanged TOASTed value that the WAL record does not carry. */
    static final String UNAVAILABLE = "__debezium_unavailable_value";

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Override
    public void deserialize(SourceRecord record, Collector<ChangeEvent> out) {
        ChangeEvent event = toEvent(record);
        if (event != null) {
            out.collect(event);
        }
    }

    /** The change carried by {@code record}, or null when it is no row change of a tenant table. */
    public static ChangeEvent toEvent(SourceRecord record) {
        if (!(record.value() instanceof Struct value) || value.schema().field("op") == null
                || value.schema().field("source") == null) {
            return null;
        }
        String op = value.getString("op");
        if (!(ChangeEvent.INSERT.equals(op) || ChangeEvent.READ.equals(op) || ChangeEvent.UPDATE.equals(op)
                || ChangeEvent.DELETE.equals(op))) {
            return null; // truncate ('t') and messages ('m') are not row changes
        }
        Struct source = value.getStruct("source");
        String schema = source.getString("schema");
        if (schema == null || !schema.startsWith(TENANT_SCHEMA_PREFIX)) {
            return null;
        }
        Struct before = value.schema().field("before") == null ? null : value.getStruct("before");
        Struct after = value.schema().field("after") == null ? null : value.getStruct("after");
        Struct image = ChangeEvent.DELETE.equals(op) ? before : after;
        if (image == null) {
            return null;
        }
        Long lsn = optionalLong(source, "lsn");
        Long sourceMillis = optionalLong(source, "ts_ms");
        long commitMillis = sourceMillis != null ? sourceMillis
                : value.schema().field("ts_ms") != null && value.getInt64("ts_ms") != null ? value.getInt64("ts_ms")
                : System.currentTimeMillis();
        return new ChangeEvent(schema.substring(TENANT_SCHEMA_PREFIX.length()), source.getString("table"), op,
                ChangeEvent.READ.equals(op) || lsn == null ? 0L : lsn, commitMillis, row(image, before));
    }

    /** Column name to warehouse value; a TOASTed value the WAL left out is taken from the before-image. */
    static Map<String, Object> row(Struct image, Struct before) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Field field : image.schema().fields()) {
            Object raw = image.get(field);
            if (isUnavailable(raw) && before != null && before.schema().field(field.name()) != null
                    && !isUnavailable(before.get(field.name()))) {
                raw = before.get(field.name());
            }
            row.put(field.name(), convert(field.schema(), raw));
        }
        return row;
    }

    private static boolean isUnavailable(Object raw) {
        return UNAVAILABLE.equals(raw) || (raw instanceof List<?> list && list.size() == 1 && UNAVAILABLE.equals(list.get(0)));
    }

    static Object convert(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        String logical = schema.name();
        if (logical != null) {
            switch (logical) {
                case "io.debezium.time.ZonedTimestamp":
                    return utcDateTime((String) value);
                case "io.debezium.time.Timestamp":
                    return dateTime(Instant.ofEpochMilli(((Number) value).longValue()));
                case "io.debezium.time.MicroTimestamp":
                    return dateTime(Instant.EPOCH.plusNanos(Math.multiplyExact(((Number) value).longValue(), 1000L)));
                case "io.debezium.time.NanoTimestamp":
                    return dateTime(Instant.EPOCH.plusNanos(((Number) value).longValue()));
                case "org.apache.kafka.connect.data.Timestamp":
                    return dateTime(((java.util.Date) value).toInstant());
                case "io.debezium.time.Date":
                    return LocalDate.ofEpochDay(((Number) value).longValue()).toString();
                case "org.apache.kafka.connect.data.Date":
                    return LocalDate.ofInstant(((java.util.Date) value).toInstant(), ZoneOffset.UTC).toString();
                case "io.debezium.time.Time":
                    return LocalTime.ofNanoOfDay(((Number) value).longValue() * 1_000_000L).toString();
                case "io.debezium.time.MicroTime":
                    return LocalTime.ofNanoOfDay(((Number) value).longValue() * 1_000L).toString();
                case "io.debezium.time.NanoTime":
                    return LocalTime.ofNanoOfDay(((Number) value).longValue()).toString();
                case "org.apache.kafka.connect.data.Time":
                    return LocalTime.ofInstant(((java.util.Date) value).toInstant(), ZoneOffset.UTC).toString();
                case "org.apache.kafka.connect.data.Decimal":
                    return ((BigDecimal) value).toPlainString();
                default:
                    break; // Uuid, Json, Xml, Enum... are strings already
            }
        }
        switch (schema.type()) {
            case BYTES:
                byte[] bytes = value instanceof ByteBuffer buffer ? bytes(buffer) : (byte[]) value;
                return Base64.getEncoder().encodeToString(bytes);
            case ARRAY:
                List<Object> items = new ArrayList<>();
                for (Object item : (List<?>) value) {
                    items.add(convert(schema.valueSchema(), item));
                }
                return items;
            case STRUCT:
            case MAP:
                return value.toString();
            default:
                return value; // strings, integers, floats, booleans
        }
    }

    /**
     * An ISO timestamp with offset as the warehouse's UTC {@code yyyy-MM-dd HH:mm:ss}. The PostgreSQL
     * connector sends {@code timestamptz} already in UTC ({@code 2024-03-01T09:15:30.123456Z}), which is
     * cut to size without parsing: parsing every timestamp was the largest allocation of the job.
     */
    static String utcDateTime(String iso) {
        if (iso.length() >= 20 && iso.charAt(iso.length() - 1) == 'Z' && iso.charAt(10) == 'T'
                && (iso.length() == 20 || iso.charAt(19) == '.')) {
            return iso.substring(0, 10) + ' ' + iso.substring(11, 19);
        }
        return DATE_TIME.format(OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static String dateTime(Instant instant) {
        return DATE_TIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    private static Long optionalLong(Struct struct, String field) {
        return struct.schema().field(field) == null ? null : struct.getInt64(field);
    }

    @Override
    public TypeInformation<ChangeEvent> getProducedType() {
        return TypeInformation.of(ChangeEvent.class);
    }
}
