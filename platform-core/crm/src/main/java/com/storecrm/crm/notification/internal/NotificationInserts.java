package com.storecrm.crm.notification.internal;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.springframework.stereotype.Component;

/**
 * Stores many notifications with one statement (arrays unnested) in the caller's transaction; one
 * whose event already notified its recipient is skipped, as {@link NotificationRepository#add} does.
 */
@Component
public class NotificationInserts {

    /** One notification to store. */
    public record Row(UUID id, UUID storeId, UUID recipientId, String kind, UUID leadId, UUID poolId, String message,
                      String eventKey, Instant at) {
    }

    private final EntityManager entities;

    NotificationInserts(EntityManager entities) {
        this.entities = entities;
    }

    /** The ids of the rows stored (not those skipped as repeated), in no particular order. */
    public List<UUID> add(List<Row> rows) {
        List<UUID> stored = new ArrayList<>();
        if (rows.isEmpty()) {
            return stored;
        }
        entities.flush();
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into notification (id, store_id, recipient_id, kind, lead_id, pool_id, message, event_key,
                        created_at)
                    select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::text[],
                        ?::text[], ?::timestamptz[])
                    on conflict (event_key, recipient_id) do nothing returning id""")) {
                insert.setArray(1, connection.createArrayOf("uuid", rows.stream().map(Row::id).toArray()));
                insert.setArray(2, connection.createArrayOf("uuid", rows.stream().map(Row::storeId).toArray()));
                insert.setArray(3, connection.createArrayOf("uuid", rows.stream().map(Row::recipientId).toArray()));
                insert.setArray(4, connection.createArrayOf("text", rows.stream().map(Row::kind).toArray()));
                insert.setArray(5, connection.createArrayOf("uuid", rows.stream().map(Row::leadId).toArray()));
                insert.setArray(6, connection.createArrayOf("uuid", rows.stream().map(Row::poolId).toArray()));
                insert.setArray(7, connection.createArrayOf("text", rows.stream().map(Row::message).toArray()));
                insert.setArray(8, connection.createArrayOf("text", rows.stream().map(Row::eventKey).toArray()));
                insert.setArray(9, connection.createArrayOf("timestamptz",
                        rows.stream().map(row -> Timestamp.from(row.at())).toArray()));
                try (ResultSet ids = insert.executeQuery()) {
                    while (ids.next()) {
                        stored.add(ids.getObject(1, UUID.class));
                    }
                }
            }
        });
        return stored;
    }
}
