package com.storecrm.crm.visit.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface VisitRepository extends JpaRepository<Visit, UUID>, JpaSpecificationExecutor<Visit> {

    List<Visit> findByAccountIdOrderByCreatedAtDesc(UUID accountId);

    /** Visits planned or completed in [from, to) in the given stores, for the statistics. */
    @Query("""
            select v from Visit v where v.storeId in :stores
              and ((v.plannedAt >= :from and v.plannedAt < :to) or (v.checkedOutAt >= :from and v.checkedOutAt < :to))""")
    List<Visit> inPeriod(@Param("stores") Collection<UUID> stores, @Param("from") Instant from,
                         @Param("to") Instant to);
}
