package com.storecrm.crm.visit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The tenant's check-in rule: how far (metres) from the visit's target a check-in may be. */
public record VisitRules(@NotNull @Min(1) @Max(100000) Integer checkInToleranceMeters) {
}
