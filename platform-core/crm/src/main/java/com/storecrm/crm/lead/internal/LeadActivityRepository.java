package com.storecrm.crm.lead.internal;

import java.util.Collection;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface LeadActivityRepository extends JpaRepository<LeadActivity, UUID> {

    Page<LeadActivity> findByLeadId(UUID leadId, Pageable pageable);

    /** The activity feed of the stores a manager sees, optionally of one member of the team. */
    @Query("""
            select a from LeadActivity a
            where a.storeId in :stores and (:recordedBy is null or a.createdBy = :recordedBy)""")
    Page<LeadActivity> feed(@Param("stores") Collection<UUID> stores, @Param("recordedBy") UUID recordedBy,
                            Pageable pageable);

    /** What some users (a rep, or a superior and their subordinates) did and what happened on their own leads. */
    @Query("""
            select a from LeadActivity a
            where a.storeId in :stores
              and (a.createdBy in :users or a.leadId in (select l.id from Lead l where l.ownerId in :users))""")
    Page<LeadActivity> feedOf(@Param("stores") Collection<UUID> stores, @Param("users") Collection<UUID> users,
                              Pageable pageable);
}
