package com.storecrm.crm.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

public record NewUserGroup(@NotBlank @Size(max = 100) String name, @Size(max = 1000) List<UUID> memberIds) {

    public List<UUID> memberIdsOrEmpty() {
        return memberIds == null ? List.of() : memberIds;
    }
}
