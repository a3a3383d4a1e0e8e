package com.storecrm.crm.account.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountFollowUpRepository extends JpaRepository<AccountFollowUp, UUID> {

    List<AccountFollowUp> findByAccountIdOrderByOccurredAtDesc(UUID accountId);
}
