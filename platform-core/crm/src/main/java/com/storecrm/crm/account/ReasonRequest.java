package com.storecrm.crm.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Releasing a customer or applying to claim it: the reason is required (the case study's claim form). */
public record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
}
