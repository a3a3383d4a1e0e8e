package com.storecrm.crm.account.internal;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface HighSeasClaimRepository extends JpaRepository<HighSeasClaim, UUID> {

    Page<HighSeasClaim> findByApplicantId(UUID applicantId, Pageable pageable);

    Page<HighSeasClaim> findByStoreIdIn(Collection<UUID> storeIds, Pageable pageable);

    Page<HighSeasClaim> findByStoreIdInAndStatus(Collection<UUID> storeIds, HighSeasClaim.Status status,
                                                 Pageable pageable);

    Optional<HighSeasClaim> findByAccountIdAndStatus(UUID accountId, HighSeasClaim.Status status);
}
