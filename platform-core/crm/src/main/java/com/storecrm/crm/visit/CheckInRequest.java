package com.storecrm.crm.visit;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/** Where the visitor is; the time is the server's. */
public record CheckInRequest(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
                             @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
}
