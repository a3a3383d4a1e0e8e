package com.storecrm.crm.salesprocess.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SalesStageRepository extends JpaRepository<SalesStage, UUID> {

    List<SalesStage> findByProcessIdOrderByPosition(UUID processId);

    List<SalesStage> findByProcessIdInOrderByProcessIdAscPositionAsc(Collection<UUID> processIds);
}
