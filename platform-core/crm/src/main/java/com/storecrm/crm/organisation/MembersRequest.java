package com.storecrm.crm.organisation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

public record MembersRequest(@NotNull @Size(max = 1000) List<@NotNull UUID> userIds) {
}
