package com.storecrm.crm.opportunity;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A new opportunity on a customer; without {@code stageId} it enters the process at stage one. */
public record NewOpportunity(
        @NotNull UUID accountId,
        @NotBlank @Size(max = 200) String name,
        @NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal amount,
        @NotNull UUID salesProcessId,
        UUID stageId,
        @NotNull LocalDate expectedCloseDate,
        @Size(max = 100) String productLine) {
}
