package com.storecrm.crm.leadimport.internal;

import com.storecrm.tenancy.jpa.UnnestColumns;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rows of an import, a chunk at a time: each statement carries the whole chunk (arrays
 * unnested), in the chunk's transaction. A row is written once, with its outcome, after the chunk's
 * leads; the import's progress counters advance in the same transaction, so they always match the
 * rows recorded. Pending entity changes (the chunk's new leads) are flushed before the outcomes that
 * name them are written.
 */
@Component
class ImportRowStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What became of one row: the lead it created, or why it was rejected (with the cells for the report). */
    record Outcome(int rowNumber, UUID leadId, String reason, List<String> cells) {

        static Outcome accepted(ImportRow row, UUID leadId) {
            return new Outcome(row.rowNumber(), leadId, null, null);
        }

        static Outcome rejected(ImportRow row, String reason) {
            return new Outcome(row.rowNumber(), null, reason, row.cells());
        }
    }

    private final EntityManager entities;

    ImportRowStore(EntityManager entities) {
        this.entities = entities;
    }

    /**
     * The row numbers among these that a chunk recorded before: a chunk that committed although its
     * run did not record its position is replayed, and its rows must not create a second lead.
     */
    Set<Integer> recordedBefore(UUID importId, List<Integer> rowNumbers) {
        Set<Integer> recorded = new HashSet<>();
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("select row_number from lead_import_row"
                    + " where import_id = ? and row_number = any(?::int[])")) {
                query.setObject(1, importId);
                query.setArray(2, connection.createArrayOf("integer", rowNumbers.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        recorded.add(rows.getInt(1));
                    }
                }
            }
        });
        return recorded;
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

    /**
     * Writes the rows with their outcomes and advances the import's counters. A row recorded already
     * breaks the primary key and fails the chunk: two runs of one import never both create its leads.
     */
    void record(UUID importId, UUID storeId, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        entities.flush();
        int accepted = (int) outcomes.stream().filter(outcome -> outcome.leadId() != null).count();
        int rejected = outcomes.size() - accepted;
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into lead_import_row (import_id, row_number, store_id, cells, lead_id, reason)
                    select ?, u.n, ?, cast(u.cells as jsonb), u.lead, u.reason
                    from unnest(?::int[], ?::text[], ?::uuid[], ?::text[]) as u(n, cells, lead, reason)""");
                 PreparedStatement progress = connection.prepareStatement("""
                    update lead_import set rows_read = rows_read + ?, rows_accepted = rows_accepted + ?,
                        rows_rejected = rows_rejected + ? where id = ?""")) {
                insert.setObject(1, importId);
                insert.setObject(2, storeId);
                UnnestColumns.of(outcomes).integer(Outcome::rowNumber)
                        .text(outcome -> outcome.cells() == null ? null : JSON.writeValueAsString(outcome.cells()))
                        .uuid(Outcome::leadId).text(Outcome::reason)
                        .bind(insert, 3);
                insert.executeUpdate();
                progress.setInt(1, outcomes.size());
                progress.setInt(2, accepted);
                progress.setInt(3, rejected);
                progress.setObject(4, importId);
                progress.executeUpdate();
            }
        });
    }
}
