package com.storecrm.admin.identity;

import com.storecrm.tenancy.PlatformRole;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

public record NewUser(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}", message = "must be 3-64 lower-case letters, digits, '.', '_' or '-'") String username,
        @NotBlank @Size(max = 200) String displayName,
        @NotBlank @Size(min = 8, max = 128) String password,
        @NotEmpty @Size(max = 7) List<@NotNull PlatformRole> roles,
        @Size(max = 500) List<@NotNull UUID> storeIds,
        UUID superiorId) {

    public List<UUID> storeIdsOrEmpty() {
        return storeIds == null ? List.of() : storeIds;
    }

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", roles=" + roles + ", storeIds=" + storeIds + "]";
    }
}
