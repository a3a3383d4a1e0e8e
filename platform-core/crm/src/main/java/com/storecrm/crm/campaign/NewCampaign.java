package com.storecrm.crm.campaign;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A campaign as a client submits it; on update the store must stay the same. Money in the tenant
 * currency with at most two decimals, never negative. A missing status means PLANNED and a missing
 * actual cost means nothing spent yet.
 */
public record NewCampaign(
        @NotNull UUID storeId,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 40) String type,
        CampaignStatus status,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @NotNull @DecimalMin("0") @Digits(integer = 14, fraction = 2) BigDecimal budget,
        @DecimalMin("0") @Digits(integer = 14, fraction = 2) BigDecimal actualCost,
        @Size(max = 2000) String description) {
}
