package com.storecrm.crm.opportunity.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.repository.query.Param;

public interface OpportunityRepository extends JpaRepository<Opportunity, UUID>, JpaSpecificationExecutor<Opportunity> {

    /** Whether the customer has an opportunity of this name (compared trimmed and case-insensitively). */
    @NativeQuery("""
            select exists (select 1 from opportunity
                           where account_id = :account and lower(btrim(name)) = lower(btrim(:name)))""")
    boolean nameTakenUnder(@Param("account") UUID account, @Param("name") String name);

    /**
     * Marks every open opportunity whose expected close date is within its process's reminder days
     * and returns them; the conditional update makes each reminder once-only, even across instances.
     */
    @NativeQuery("""
            update opportunity o set close_reminded_at = :now
            from sales_process p
            where p.id = o.process_id and o.status = 'OPEN' and o.close_reminded_at is null
              and o.expected_close_date - p.close_reminder_days <= :today
            returning o.id, o.store_id, o.owner_id, o.expected_close_date""")
    List<Object[]> markCloseDueReminded(@Param("today") LocalDate today, @Param("now") Instant now);
}
