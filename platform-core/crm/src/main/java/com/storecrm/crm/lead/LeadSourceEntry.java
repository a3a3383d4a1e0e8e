package com.storecrm.crm.lead;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One lead source of the tenant's list: a stable code (stored on leads) and its label. */
public record LeadSourceEntry(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,59}", message = "must be upper-case letters, digits and _") String code,
        @NotBlank @Size(max = 100) String label) {
}
