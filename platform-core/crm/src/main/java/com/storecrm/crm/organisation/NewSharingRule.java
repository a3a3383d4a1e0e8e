package com.storecrm.crm.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

public record NewSharingRule(@NotNull RecordType recordType, @NotNull @Valid SharingSource source,
                             @NotNull @Valid SharingTarget target, @NotNull SharingAccess access) {
}
