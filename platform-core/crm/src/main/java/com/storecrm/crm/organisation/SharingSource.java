package com.storecrm.crm.organisation;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Whose records a sharing rule shares: one owner's, or those of a department's members. */
public record SharingSource(@NotNull Kind kind, @NotNull UUID id) {

    public enum Kind {
        USER, DEPARTMENT
    }
}
