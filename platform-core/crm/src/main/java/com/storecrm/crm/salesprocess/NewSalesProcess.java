package com.storecrm.crm.salesprocess;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A sales process as the tenant administrator defines it: ordered stages with a win probability as
 * a fraction (0.4 = 40 %), the feedback fields and tasks required to leave a stage, and whether
 * leaving it needs a manager's approval; reminders {@code closeReminderDays} before the expected close.
 */
public record NewSalesProcess(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 50) List<@NotNull UUID> departmentIds,
        @NotEmpty @Size(max = 20) List<@Valid @NotNull Stage> stages,
        @Min(0) @Max(365) Integer closeReminderDays) {

    public record Stage(
            @NotBlank @Size(max = 100) String name,
            @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4) BigDecimal probability,
            @Size(max = 20) List<@NotBlank @Size(max = 60) String> requiredFields,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> requiredTasks,
            Boolean requiresApproval) {
    }
}
