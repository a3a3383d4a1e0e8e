package com.storecrm.crm.opportunity.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OpportunityHistoryRepository extends JpaRepository<OpportunityHistoryEntry, UUID> {

    List<OpportunityHistoryEntry> findByOpportunityIdOrderByAtAscIdAsc(UUID opportunityId);
}
