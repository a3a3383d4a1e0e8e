package com.storecrm.crm.lead.internal;

import com.storecrm.crm.lead.LeadStatus;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface LeadRepository extends JpaRepository<Lead, UUID>, JpaSpecificationExecutor<Lead> {

    /** The leads on whose related team one of the users is (with read/write access, if asked). */
    @NativeQuery("""
            select distinct t.lead_id from lead_team_member t
            where t.user_id in :users and (not :readWriteOnly or t.access = 'READ_WRITE')""")
    List<UUID> withTeamMembers(@Param("users") Collection<UUID> users, @Param("readWriteOnly") boolean readWriteOnly);

    /**
     * The leads, row-locked in id order until the transaction ends. One order for every caller is
     * what keeps concurrent batch operations on overlapping leads from deadlocking.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from Lead l where l.id in :ids order by l.id")
    List<Lead> lockAll(@Param("ids") Collection<UUID> ids);

    @Query("select l.id from Lead l where l.poolId = :pool and l.status <> com.storecrm.crm.lead.LeadStatus.DISCARDED order by l.id")
    List<UUID> idsInPool(@Param("pool") UUID pool);

    /**
     * Leads of the pool the owner holds (owned and not finished): what a held-at-once claim limit
     * counts. Counted up to {@code atMost} only: a limit needs no more.
     */
    @NativeQuery("""
            select count(*) from (select 1 from lead where pool_id = :pool and owner_id = :owner
              and status in ('PENDING', 'IN_PROGRESS', 'INVALID') limit :atMost) held""")
    long countHeld(@Param("pool") UUID pool, @Param("owner") UUID owner, @Param("atMost") long atMost);

    Page<Lead> findByPoolIdAndStatusIn(UUID poolId, Collection<LeadStatus> statuses, Pageable pageable);

    Page<Lead> findByStoreIdIn(Collection<UUID> storeIds, Pageable pageable);

    Page<Lead> findByStoreIdInAndStatus(Collection<UUID> storeIds, LeadStatus status, Pageable pageable);

    /** The live lead of the store with this phone number (compared as digits only), if any. */
    @NativeQuery("""
            select id from lead where store_id = :store and status <> 'DISCARDED'
              and phone_key = nullif(regexp_replace(:phone, '[^0-9]', '', 'g'), '') limit 1""")
    Optional<UUID> livePhoneHolder(@Param("store") UUID store, @Param("phone") String phone);

    /** The live lead of the store with this email address (compared case-insensitively), if any. */
    @NativeQuery("""
            select id from lead where store_id = :store and status <> 'DISCARDED'
              and email_key = nullif(lower(btrim(:email)), '') limit 1""")
    Optional<UUID> liveEmailHolder(@Param("store") UUID store, @Param("email") String email);

    /**
     * Marks every due, not yet reminded follow-up of an active lead as reminded and returns them.
     * The conditional update is the once-only guarantee: a second run, or a second instance of the
     * service running the job at the same moment, finds nothing left to mark.
     */
    @NativeQuery("""
            update lead_activity a set reminded_at = :now
            from lead l
            where l.follow_up_activity_id = a.id and a.reminded_at is null and a.next_follow_up_on <= :today
              and l.status in ('PENDING', 'IN_PROGRESS') and l.owner_id is not null
            returning a.id, a.lead_id, a.store_id, l.owner_id, a.next_follow_up_on""")
    List<Object[]> markDueFollowUpsReminded(@Param("today") LocalDate today, @Param("now") Instant now);
}
