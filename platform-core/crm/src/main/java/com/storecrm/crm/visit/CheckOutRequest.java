package com.storecrm.crm.visit;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** Where the visitor leaves, what was collected (flat fields) and a summary; the time is the server's. */
public record CheckOutRequest(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
                              @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
                              @Size(max = 50) Map<String, Object> collectedData,
                              @Size(max = 2000) String summary) {
}
