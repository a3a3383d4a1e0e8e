package com.storecrm.crm.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record CampaignView(UUID id, UUID storeId, String name, String type, CampaignStatus status, LocalDate startDate,
                           LocalDate endDate, BigDecimal budget, BigDecimal actualCost, String description,
                           Instant createdAt, UUID createdBy, Instant updatedAt, UUID updatedBy) {
}
