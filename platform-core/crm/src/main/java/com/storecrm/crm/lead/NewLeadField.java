package com.storecrm.crm.lead;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A tenant-defined lead field as the tenant administrator declares it. */
public record NewLeadField(
        @NotBlank @Pattern(regexp = "[a-z][a-zA-Z0-9]{0,39}", message = "must start with a lower-case letter and hold up to 40 letters and digits") String key,
        @NotBlank @Size(max = 100) String label,
        @NotNull FieldType type,
        @Size(max = 100) List<@NotBlank @Size(max = 100) String> options,
        Boolean required) {

    public enum FieldType { TEXT, NUMBER, DATE, SINGLE_CHOICE }
}
