package com.storecrm.crm.lead;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The new owner of a lead, and optionally why. */
public record AssignRequest(@NotNull UUID ownerId, @Size(max = 500) String reason) {
}
