package com.storecrm.crm.lead.internal;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.springframework.stereotype.Component;

/**
 * The duplicate keys of many new leads and the live leads that already hold them, with one query:
 * the keys are computed by the very expressions of the lead table's generated columns
 * ({@code phone_key}, {@code email_key}), so the check and the unique indexes agree on what a
 * duplicate is.
 */
@Component
public class LeadKeys {

    /** A new lead's keys (null when it has none) and the live leads of its store holding them (null when none). */
    public record Keys(String phoneKey, String emailKey, UUID phoneHolder, UUID emailHolder) {
    }

    private final EntityManager entities;

    LeadKeys(EntityManager entities) {
        this.entities = entities;
    }

    /** One {@link Keys} per lead, in the order given; the three lists are parallel. */
    public List<Keys> lookUp(List<UUID> stores, List<String> phones, List<String> emails) {
        List<Keys> keys = new ArrayList<>(stores.size());
        if (stores.isEmpty()) {
            return keys;
        }
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select x.pk, x.ek,
                      (select l.id from lead l where l.store_id = x.store and l.status <> 'DISCARDED'
                         and l.phone_key = x.pk limit 1),
                      (select l.id from lead l where l.store_id = x.store and l.status <> 'DISCARDED'
                         and l.email_key = x.ek limit 1)
                    from (select u.n, u.store, nullif(regexp_replace(u.phone, '[^0-9]', '', 'g'), '') as pk,
                                 nullif(lower(btrim(u.email)), '') as ek
                          from unnest(?::uuid[], ?::text[], ?::text[]) with ordinality as u(store, phone, email, n)) x
                    order by x.n""")) {
                query.setArray(1, connection.createArrayOf("uuid", stores.toArray()));
                query.setArray(2, connection.createArrayOf("text", phones.toArray()));
                query.setArray(3, connection.createArrayOf("text", emails.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        keys.add(new Keys(rows.getString(1), rows.getString(2), rows.getObject(3, UUID.class),
                                rows.getObject(4, UUID.class)));
                    }
                }
            }
        });
        return keys;
    }
}
