package com.storecrm.crm.visit;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A visit to a customer. {@code plannedAt} is required for a planned visit. The target location
 * defaults to the customer's; {@code visitorId} defaults to the caller (a supervisor may plan for a
 * rep of the store).
 */
public record NewVisit(
        @NotNull UUID accountId,
        UUID contactId,
        @NotNull VisitKind kind,
        Instant plannedAt,
        @Size(max = 500) String purpose,
        UUID visitorId,
        @Size(max = 10) List<@NotNull UUID> coVisitorIds,
        @DecimalMin("-90") @DecimalMax("90") Double targetLatitude,
        @DecimalMin("-180") @DecimalMax("180") Double targetLongitude) {
}
