package com.storecrm.crm.organisation;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Who a sharing rule shares with: a user, a department's members or a group's members. */
public record SharingTarget(@NotNull Kind kind, @NotNull UUID id) {

    public enum Kind {
        USER, DEPARTMENT, GROUP
    }
}
