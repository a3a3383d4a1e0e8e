package com.storecrm.crm.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One campaign type as offered to users. */
public record CampaignTypeEntry(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be upper case letters, digits and _") String code,
        @NotBlank @Size(max = 60) String label) {
}
