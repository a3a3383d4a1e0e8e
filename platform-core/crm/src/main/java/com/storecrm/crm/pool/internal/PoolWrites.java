package com.storecrm.crm.pool.internal;

import com.storecrm.tenancy.jpa.UnnestColumns;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.springframework.stereotype.Component;

/**
 * The pool rows a batch writes - claim records, follow-up clocks - as one statement per batch
 * (arrays unnested), in the caller's transaction and tenant scope. Pending entity changes are
 * flushed first, so the leads these rows point at are in the database.
 */
@Component
public class PoolWrites {

    /** A claim of one lead by one member. */
    public record Claim(UUID id, UUID storeId, UUID poolId, UUID userId, UUID leadId, Instant at) {
    }

    /** A lead's follow-up clock, started for its new owner. */
    public record Hold(UUID leadId, UUID storeId, UUID poolId, UUID ownerId, Instant since) {
    }

    private final EntityManager entities;

    PoolWrites(EntityManager entities) {
        this.entities = entities;
    }

    public void logClaims(List<Claim> claims) {
        if (claims.isEmpty()) {
            return;
        }
        write("""
                insert into lead_pool_claim (id, store_id, pool_id, user_id, lead_id, claimed_at)
                select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::timestamptz[])""",
                UnnestColumns.of(claims).uuid(Claim::id).uuid(Claim::storeId).uuid(Claim::poolId).uuid(Claim::userId)
                        .uuid(Claim::leadId).timestamp(Claim::at));
    }

    /**
     * Starts (or restarts) the clocks; for a lead named twice the later start wins, as it would
     * had they been written one after the other.
     */
    public void startHolds(List<Hold> holds) {
        if (holds.isEmpty()) {
            return;
        }
        Map<UUID, Hold> latest = new LinkedHashMap<>();
        holds.forEach(hold -> {
            latest.remove(hold.leadId());
            latest.put(hold.leadId(), hold);
        });
        List<Hold> rows = List.copyOf(latest.values());
        write("""
                insert into lead_pool_hold (lead_id, store_id, pool_id, owner_id, since)
                select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::timestamptz[])
                on conflict (lead_id) do update set pool_id = excluded.pool_id, owner_id = excluded.owner_id,
                    since = excluded.since, warned_at = null, overdue_at = null""",
                UnnestColumns.of(rows).uuid(Hold::leadId).uuid(Hold::storeId).uuid(Hold::poolId).uuid(Hold::ownerId)
                        .timestamp(Hold::since));
    }

    private void write(String sql, UnnestColumns<?> columns) {
        entities.flush();
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                columns.bind(statement, 1);
                statement.executeUpdate();
            }
        });
    }
}
