package com.storecrm.crm.lead;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A sales activity on a lead: what kind, what came of it, and when to follow up next.
 *
 * @param occurredAt when it happened; now when left out
 */
public record NewActivity(@NotNull ActivityKind kind, @NotBlank @Size(max = 2000) String result, Instant occurredAt,
                          LocalDate nextFollowUpOn) {

    public enum ActivityKind { CALL, VISIT, EMAIL, CHAT, NOTE }
}
