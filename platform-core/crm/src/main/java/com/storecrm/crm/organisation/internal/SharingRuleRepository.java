package com.storecrm.crm.organisation.internal;

import com.storecrm.crm.organisation.SharingSource;
import com.storecrm.crm.organisation.SharingTarget;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SharingRuleRepository extends JpaRepository<SharingRule, UUID> {

    List<SharingRule> findAllByOrderByCreatedAtAsc();

    boolean existsBySourceKindAndSourceId(SharingSource.Kind kind, UUID id);

    boolean existsByTargetKindAndTargetId(SharingTarget.Kind kind, UUID id);
}
