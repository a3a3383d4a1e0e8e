package com.storecrm.crm.campaign.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CampaignTypeRepository extends JpaRepository<CampaignType, String> {

    List<CampaignType> findByActiveTrueOrderByPositionAsc();

    boolean existsByCodeAndActiveTrue(String code);
}
