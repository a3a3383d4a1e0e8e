package com.storecrm.crm.organisation;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** A member of a record's related team: reads the record, and works it with {@code READ_WRITE}. */
public record TeamMember(@NotNull UUID userId, @NotNull SharingAccess access) {
}
