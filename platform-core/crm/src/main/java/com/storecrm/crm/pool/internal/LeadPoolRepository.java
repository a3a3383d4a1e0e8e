package com.storecrm.crm.pool.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.repository.query.Param;

public interface LeadPoolRepository extends JpaRepository<LeadPool, UUID> {

    List<LeadPool> findByStoreIdInOrderByName(Collection<UUID> storeIds);

    /**
     * Locks the member's row of the pool until the transaction ends. Every claim of that member in
     * that pool takes this lock first, so counting their held and today's leads and claiming more is
     * one serial step, on any number of service instances.
     */
    @NativeQuery("select user_id from lead_pool_member where pool_id = :pool and user_id = :user and role = 'MEMBER' for update")
    Optional<UUID> lockMember(@Param("pool") UUID pool, @Param("user") UUID user);

    /** The member's claims in the pool on a UTC day, as the claim log's trigger counts them. */
    @NativeQuery("""
            select coalesce(sum(claims), 0) from lead_pool_claim_day
            where pool_id = :pool and user_id = :user and day = :day""")
    long countClaimsOn(@Param("pool") UUID pool, @Param("user") UUID user, @Param("day") LocalDate day);

    @Modifying
    @NativeQuery("delete from lead_pool_hold where lead_id = :lead")
    void endHold(@Param("lead") UUID lead);

    @Modifying
    @NativeQuery("update lead_pool_hold set pool_id = :pool where lead_id in (:leads)")
    void moveHolds(@Param("leads") Collection<UUID> leads, @Param("pool") UUID pool);

    /**
     * Marks every hold whose warning time has come as warned and returns them (lead, store, pool,
     * owner, return time). The warning comes {@code return_warning_hours} before the timeout, by
     * default a quarter of it; the conditional update sends each warning once, however many
     * instances run the job.
     */
    @NativeQuery("""
            update lead_pool_hold h set warned_at = :now
            from lead_pool p
            where p.id = h.pool_id and p.follow_up_timeout_hours is not null and h.warned_at is null
              and h.since + make_interval(hours => p.follow_up_timeout_hours
                    - least(p.follow_up_timeout_hours, coalesce(p.return_warning_hours,
                        greatest(1, p.follow_up_timeout_hours / 4)))) <= :now
            returning h.lead_id, h.store_id, h.pool_id, h.owner_id,
                      h.since + make_interval(hours => p.follow_up_timeout_hours)""")
    List<Object[]> markWarningsDue(@Param("now") Instant now);

    /**
     * Warned holds past their timeout and not yet reported overdue (lead, store, pool, owner, auto return).
     * A hold is only ever due after its warning went out, so no owner loses a lead unwarned.
     */
    @NativeQuery("""
            select h.lead_id, h.store_id, h.pool_id, h.owner_id, p.auto_return
            from lead_pool_hold h join lead_pool p on p.id = h.pool_id
            where p.follow_up_timeout_hours is not null and h.warned_at is not null and h.overdue_at is null
              and h.since + make_interval(hours => p.follow_up_timeout_hours) <= :now
            order by h.lead_id""")
    List<Object[]> findTimedOut(@Param("now") Instant now);

    @Modifying
    @NativeQuery("update lead_pool_hold set overdue_at = :now where lead_id = :lead and overdue_at is null")
    int markOverdue(@Param("lead") UUID lead, @Param("now") Instant now);
}
