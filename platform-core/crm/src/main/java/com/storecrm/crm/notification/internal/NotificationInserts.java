package com.storecrm.crm.notification.internal;

import com.storecrm.tenancy.jpa.UnnestColumns;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
                UnnestColumns.of(rows).uuid(Row::id).uuid(Row::storeId).uuid(Row::recipientId).text(Row::kind)
                        .uuid(Row::leadId).uuid(Row::poolId).text(Row::message).text(Row::eventKey).timestamp(Row::at)
                        .bind(insert, 1);
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
