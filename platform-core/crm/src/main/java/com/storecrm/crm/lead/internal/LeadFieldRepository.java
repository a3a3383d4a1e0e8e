package com.storecrm.crm.lead.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LeadFieldRepository extends JpaRepository<LeadField, UUID> {

    List<LeadField> findAllByOrderByKeyAsc();

    Optional<LeadField> findByKey(String key);
}
