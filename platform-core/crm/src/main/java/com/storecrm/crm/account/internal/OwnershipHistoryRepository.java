package com.storecrm.crm.account.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OwnershipHistoryRepository extends JpaRepository<OwnershipHistoryEntry, UUID> {

    List<OwnershipHistoryEntry> findByAccountIdOrderByAtAscIdAsc(UUID accountId);
}
