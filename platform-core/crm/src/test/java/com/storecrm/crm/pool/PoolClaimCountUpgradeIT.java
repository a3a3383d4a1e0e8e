package com.storecrm.crm.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.OlderTenantSchema;
import com.storecrm.devstack.PlatformDatabase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The upgrade that counts claims per member and day (V19): the claims of the release before are
 * counted per UTC day, and every claim written afterwards - by any writer, several in one statement
 * - adds to its day's count.
 */
class PoolClaimCountUpgradeIT {

    private static final PlatformDatabase DATABASE = PlatformDatabase.embedded();

    @Test
    void countsTheClaimsOfTheReleaseBeforePerUtcDayAndEveryClaimAfter() {
        UUID store = UUID.randomUUID();
        UUID pool = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        try (OlderTenantSchema schema = OlderTenantSchema.at(DATABASE, "tenant_claim_count_upgrade", "18")) {
            schema.inScope(sql -> {
                sql.sql("insert into lead_pool (id, store_id, name, type, created_at, updated_at)"
                        + " values (:pool, :store, 'East', 'CLAIMABLE', now(), now())")
                        .param("pool", pool).param("store", store).update();
                // 23:30 in Shanghai on the 24th is still the 24th in UTC (15:30); 00:30 UTC on the 25th is the 25th
                claims(sql, store, pool, member, "2026-11-24 15:30:00+00", "2026-11-24 23:59:59+00",
                        "2026-11-25 00:30:00+00");
                claims(sql, store, pool, other, "2026-11-25 01:00:00+00");
            });

            schema.upgrade();

            schema.inScope(sql -> {
                assertThat(days(sql, pool, member)).containsExactly(member + " 2026-11-24 2", member + " 2026-11-25 1",
                        other + " 2026-11-25 1");
                claims(sql, store, pool, member, "2026-11-25 08:00:00+00", "2026-11-25 09:00:00+00",
                        "2026-11-26 08:00:00+00");
                assertThat(days(sql, pool, member)).containsExactly(member + " 2026-11-24 2", member + " 2026-11-25 3",
                        member + " 2026-11-26 1", other + " 2026-11-25 1");
            });
        }
    }

    /** Claims written in one statement, as the application writes a request's claims. */
    private static void claims(JdbcClient sql, UUID store, UUID pool, UUID member, String... at) {
        sql.sql("insert into lead_pool_claim (id, store_id, pool_id, user_id, lead_id, claimed_at)"
                        + " select gen_random_uuid(), :store, :pool, :member, gen_random_uuid(), cast(t as timestamptz)"
                        + " from unnest(cast(:at as text[])) t")
                .param("store", store).param("pool", pool).param("member", member).param("at", at).update();
    }

    /** The pool's day counts, the member's first. */
    private static List<String> days(JdbcClient sql, UUID pool, UUID member) {
        return sql.sql("select user_id, day, claims from lead_pool_claim_day where pool_id = :pool"
                        + " order by user_id = :member desc, day")
                .param("pool", pool).param("member", member).query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3))
                .list();
    }
}
