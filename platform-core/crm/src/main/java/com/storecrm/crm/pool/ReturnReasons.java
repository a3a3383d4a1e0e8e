package com.storecrm.crm.pool;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The tenant's return reasons, and whether returning a lead requires one of them. */
public record ReturnReasons(boolean required, @NotNull @Size(max = 50) List<@Valid @NotNull Reason> reasons) {

    public record Reason(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}") String code,
                         @NotBlank @Size(max = 100) String label) {
    }
}
