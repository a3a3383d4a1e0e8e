package com.storecrm.crm.leadimport.internal;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.springframework.stereotype.Component;

/**
 * The rows of an import, a chunk at a time: each statement carries the whole chunk (arrays
 * unnested), in the chunk's transaction. Pending entity changes (the chunk's new leads) are flushed
 * before the outcomes that name them are written.
 */
@Component
class ImportRowStore {

    /** What became of one row: the lead it created, or why it was rejected. */
    record Outcome(int rowNumber, UUID leadId, String reason) {
    }

    private final EntityManager entities;

    ImportRowStore(EntityManager entities) {
        this.entities = entities;
    }

    /**
     * Records the rows as seen, once: the row numbers recorded now, without those a replayed chunk
     * recorded before (they must not create a second lead).
     */
    Set<Integer> claim(UUID importId, UUID storeId, List<Integer> rowNumbers, List<String> cellsJson) {
        Set<Integer> claimed = new HashSet<>();
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into lead_import_row (import_id, row_number, store_id, cells)
                    select ?, u.n, ?, cast(u.cells as jsonb) from unnest(?::int[], ?::text[]) as u(n, cells)
                    on conflict do nothing returning row_number""")) {
                insert.setObject(1, importId);
                insert.setObject(2, storeId);
                insert.setArray(3, connection.createArrayOf("integer", rowNumbers.toArray()));
                insert.setArray(4, connection.createArrayOf("text", cellsJson.toArray()));
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(rows.getInt(1));
                    }
                }
            }
        });
        return claimed;
    }

    /** The rows of this import that created these leads, by lead. */
    Map<UUID, Integer> rowsOf(UUID importId, Collection<UUID> leadIds) {
        Map<UUID, Integer> rows = new HashMap<>();
        if (leadIds.isEmpty()) {
            return rows;
        }
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("select lead_id, row_number"
                    + " from lead_import_row where import_id = ? and lead_id = any(?::uuid[])")) {
                query.setObject(1, importId);
                query.setArray(2, connection.createArrayOf("uuid", leadIds.toArray()));
                try (ResultSet found = query.executeQuery()) {
                    while (found.next()) {
                        rows.put(found.getObject(1, UUID.class), found.getInt(2));
                    }
                }
            }
        });
        return rows;
    }

    void record(UUID importId, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        entities.flush();
        List<Object> numbers = new ArrayList<>();
        List<Object> leads = new ArrayList<>();
        List<Object> reasons = new ArrayList<>();
        outcomes.forEach(outcome -> {
            numbers.add(outcome.rowNumber());
            leads.add(outcome.leadId());
            reasons.add(outcome.reason());
        });
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update lead_import_row r set lead_id = u.lead, reason = u.reason
                    from unnest(?::int[], ?::uuid[], ?::text[]) as u(n, lead, reason)
                    where r.import_id = ? and r.row_number = u.n""")) {
                update.setArray(1, connection.createArrayOf("integer", numbers.toArray()));
                update.setArray(2, connection.createArrayOf("uuid", leads.toArray()));
                update.setArray(3, connection.createArrayOf("text", reasons.toArray()));
                update.setObject(4, importId);
                update.executeUpdate();
            }
        });
    }
}
