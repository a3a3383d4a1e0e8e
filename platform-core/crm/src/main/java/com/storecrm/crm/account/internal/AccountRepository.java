package com.storecrm.crm.account.internal;

import com.storecrm.crm.account.OwnershipStatus;
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

    /** Owned customers whose last return visit (or, without one, whose ownership) is older than {@code before}. */
    @Query("""
            select a from Account a where a.ownership = :owned
              and coalesce(a.lastReturnVisitAt, a.ownedSince) < :before""")
    List<Account> withoutReturnVisitSince(@Param("owned") OwnershipStatus owned, @Param("before") Instant before);

    @Query("select a from Account a where a.ownership = :awaiting and a.returnVisitDueAt < :now")
    List<Account> returnVisitOverdue(@Param("awaiting") OwnershipStatus awaiting, @Param("now") Instant now);
}
