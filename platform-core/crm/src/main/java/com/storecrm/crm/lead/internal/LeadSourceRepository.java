package com.storecrm.crm.lead.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LeadSourceRepository extends JpaRepository<LeadSource, String> {

    List<LeadSource> findByActiveTrueOrderByPositionAsc();

    boolean existsByCodeAndActiveTrue(String code);
}
