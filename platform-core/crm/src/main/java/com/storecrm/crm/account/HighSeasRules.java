package com.storecrm.crm.account;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The tenant's high-seas rules: days an owner may go without a return visit, and the return-visit limit after a claim. */
public record HighSeasRules(@NotNull @Min(1) @Max(3650) Integer daysWithoutReturnVisit,
                            @NotNull @Min(1) @Max(365) Integer returnVisitDaysAfterClaim) {
}
