package com.storecrm.crm.lead.internal;

import com.storecrm.tenancy.jpa.UnnestColumns;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.springframework.stereotype.Component;

/**
 * Many new leads and their creation history written with one statement each (file imports): the
 * rows the persistence context would write for {@link Lead#create} and {@link LeadHistoryEntry#of},
 * without managing a hundred thousand entities it would only dirty-check, in the caller's
 * transaction and under the same row-level security. Leads with a related team go through the
 * persistence context instead ({@link #fits}). {@code NewLeadRowsIT} holds a lead written here to
 * every column of one the persistence context wrote.
 */
@Component
public class NewLeadRows {

    private final EntityManager entities;

    NewLeadRows(EntityManager entities) {
        this.entities = entities;
    }

    /** Whether the lead is one this writer can write: no related team (a table of its own). */
    public static boolean fits(Lead lead) {
        return lead.team().isEmpty();
    }

    /** Inserts the leads, created by {@code actor} at {@code at}, as new (version 0). */
    public void insert(List<Lead> leads, UUID actor, Instant at) {
        if (leads.isEmpty()) {
            return;
        }
        if (!leads.stream().allMatch(NewLeadRows::fits)) {
            throw new IllegalArgumentException("a lead with a related team is written through the persistence context");
        }
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into lead (id, store_id, name, company, phone, email, chat_id, region, industry, source,
                        campaign_id, pool_id, status, owner_id, custom_fields, created_at, created_by, updated_at,
                        updated_by, version)
                    select u.id, u.store_id, u.name, u.company, u.phone, u.email, u.chat_id, u.region, u.industry,
                        u.source, u.campaign_id, u.pool_id, u.status, u.owner_id, cast(u.custom_fields as jsonb),
                        ?, ?, ?, ?, 0
                    from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::text[])
                        as u(id, store_id, name, company, phone, email, chat_id, region, industry, source, campaign_id,
                            pool_id, status, owner_id, custom_fields)""")) {
                Timestamp when = Timestamp.from(at);
                insert.setTimestamp(1, when);
                insert.setObject(2, actor);
                insert.setTimestamp(3, when);
                insert.setObject(4, actor);
                UnnestColumns.of(leads).uuid(Lead::id).uuid(Lead::storeId).text(Lead::name).text(Lead::company)
                        .text(Lead::phone).text(Lead::email).text(Lead::chatId).text(Lead::region)
                        .text(Lead::industry).text(Lead::source).uuid(Lead::campaignId).uuid(Lead::poolId)
                        .text(lead -> lead.status().name()).uuid(Lead::ownerId).text(Lead::customFieldsJson)
                        .bind(insert, 5);
                insert.executeUpdate();
            }
        });
    }

    /** Inserts the history entries. */
    public void insertHistory(List<LeadHistoryEntry> history) {
        if (history.isEmpty()) {
            return;
        }
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into lead_history (id, store_id, lead_id, action, from_status, to_status, from_owner,
                        to_owner, actor_id, at, reason)
                    select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::uuid[],
                        ?::uuid[], ?::uuid[], ?::timestamptz[], ?::text[])""")) {
                UnnestColumns.of(history).uuid(LeadHistoryEntry::id).uuid(LeadHistoryEntry::storeId)
                        .uuid(LeadHistoryEntry::leadId).text(entry -> entry.action().name())
                        .text(entry -> name(entry.fromStatus())).text(entry -> name(entry.toStatus()))
                        .uuid(LeadHistoryEntry::fromOwner).uuid(LeadHistoryEntry::toOwner)
                        .uuid(LeadHistoryEntry::actorId).timestamp(LeadHistoryEntry::at).text(LeadHistoryEntry::reason)
                        .bind(insert, 1);
                insert.executeUpdate();
            }
        });
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
