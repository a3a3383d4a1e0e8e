package com.storecrm.crm.lead.internal;

import com.storecrm.crm.lead.LeadStatus;
import java.util.Collection;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LeadRepository extends JpaRepository<Lead, UUID> {

    Page<Lead> findByStoreIdIn(Collection<UUID> storeIds, Pageable pageable);

    Page<Lead> findByStoreIdInAndStatus(Collection<UUID> storeIds, LeadStatus status, Pageable pageable);
}
