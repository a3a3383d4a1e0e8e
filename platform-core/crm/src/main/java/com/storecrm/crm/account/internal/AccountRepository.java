package com.storecrm.crm.account.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AccountRepository extends JpaRepository<Account, UUID>, JpaSpecificationExecutor<Account> {

    /** The profile of the store with this mobile number (compared as digits only), if any. */
    @NativeQuery("""
            select id from account where store_id = :store and id <> :except
              and mobile_key = nullif(regexp_replace(:mobile, '[^0-9]', '', 'g'), '') limit 1""")
    Optional<UUID> mobileHolder(@Param("store") UUID store, @Param("mobile") String mobile, @Param("except") UUID except);

    /** The profile of the store with this chat id (compared case-insensitively), if any. */
    @NativeQuery("""
            select id from account where store_id = :store and id <> :except
              and chat_id_key = nullif(lower(btrim(:chatId)), '') limit 1""")
    Optional<UUID> chatIdHolder(@Param("store") UUID store, @Param("chatId") String chatId, @Param("except") UUID except);

    /** The store's customer with this name (compared trimmed and case-insensitively), oldest first. */
    @NativeQuery("""
            select id from account where store_id = :store and lower(btrim(name)) = lower(btrim(:name))
            order by created_at, id limit 1""")
    Optional<UUID> namedIn(@Param("store") UUID store, @Param("name") String name);

    /**
     * The high-seas sweep, one chunk: moves up to {@code chunk} customers that are {@code from} and
     * whose last return visit (or, without one, whose ownership) is older than {@code before} to
     * {@code to}, the high seas, and writes each one's ownership history entry, in one statement.
     * Rows another transaction holds are skipped (the next round takes them); the update's own
     * condition means a customer is moved, and journaled, at most once. Returns per moved customer:
     * id, store, previous state, previous owner.
     */
    @NativeQuery("""
            with due as (
                select id, ownership, owner_id from account
                where ownership = :from and coalesce(last_return_visit_at, owned_since) < :before
                limit :chunk for update skip locked),
            moved as (
                update account a set ownership = :to, owner_id = null, owned_since = null, return_visit_due_at = null,
                    in_high_seas_since = :now, updated_at = :now, updated_by = :actor, version = a.version + 1
                from due where a.id = due.id
                returning a.id, a.store_id, due.ownership as from_state, due.owner_id as from_owner),
            journaled as (
                insert into account_ownership_history (id, store_id, account_id, action, from_state, to_state,
                    from_owner, to_owner, claim_id, reason, actor_id, at)
                select gen_random_uuid(), store_id, id, :action, from_state, :to, from_owner, cast(null as uuid),
                    cast(null as uuid), :reason, :actor, :now from moved)
            select id, store_id, from_state, from_owner from moved""")
    List<Object[]> moveWithoutReturnVisitSince(@Param("from") String from, @Param("to") String to,
                                               @Param("action") String action, @Param("before") Instant before,
                                               @Param("now") Instant now, @Param("actor") UUID actor,
                                               @Param("reason") String reason, @Param("chunk") int chunk);

    /** As {@link #moveWithoutReturnVisitSince}, for claimed customers whose return-visit deadline passed. */
    @NativeQuery("""
            with due as (
                select id, ownership, owner_id from account
                where ownership = :from and return_visit_due_at < :now
                limit :chunk for update skip locked),
            moved as (
                update account a set ownership = :to, owner_id = null, owned_since = null, return_visit_due_at = null,
                    in_high_seas_since = :now, updated_at = :now, updated_by = :actor, version = a.version + 1
                from due where a.id = due.id
                returning a.id, a.store_id, due.ownership as from_state, due.owner_id as from_owner),
            journaled as (
                insert into account_ownership_history (id, store_id, account_id, action, from_state, to_state,
                    from_owner, to_owner, claim_id, reason, actor_id, at)
                select gen_random_uuid(), store_id, id, :action, from_state, :to, from_owner, cast(null as uuid),
                    cast(null as uuid), :reason, :actor, :now from moved)
            select id, store_id, from_state, from_owner from moved""")
    List<Object[]> moveReturnVisitOverdue(@Param("from") String from, @Param("to") String to,
                                          @Param("action") String action, @Param("now") Instant now,
                                          @Param("actor") UUID actor, @Param("reason") String reason,
                                          @Param("chunk") int chunk);
}
