package com.storecrm.crm.opportunity.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OpportunityHistoryRepository extends JpaRepository<OpportunityHistoryEntry, UUID> {

    List<OpportunityHistoryEntry> findByOpportunityIdOrderByAtAscIdAsc(UUID opportunityId);

    /** Completed stays in a stage: the stage was left by an advance or by closing the opportunity. */
    @Query("""
            select e from OpportunityHistoryEntry e where e.opportunityId in :ids and e.secondsInStage is not null
              and e.action in (com.storecrm.crm.opportunity.OpportunityAction.ADVANCE,
                               com.storecrm.crm.opportunity.OpportunityAction.APPROVE_ADVANCE,
                               com.storecrm.crm.opportunity.OpportunityAction.WIN,
                               com.storecrm.crm.opportunity.OpportunityAction.LOSE,
                               com.storecrm.crm.opportunity.OpportunityAction.INVALIDATE)""")
    List<OpportunityHistoryEntry> staysOf(@Param("ids") Collection<UUID> ids);
}
