package com.storecrm.crm.lead.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LeadHistoryRepository extends JpaRepository<LeadHistoryEntry, UUID> {

    List<LeadHistoryEntry> findByLeadIdOrderByAtAscIdAsc(UUID leadId);
}
