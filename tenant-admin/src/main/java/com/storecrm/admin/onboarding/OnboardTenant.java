package com.storecrm.admin.onboarding;

import com.storecrm.tenancy.catalog.TenantSlug;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The operator's onboarding request, as in the API contract. */
public record OnboardTenant(
        @NotNull @Pattern(regexp = TenantSlug.PATTERN, message = "must match " + TenantSlug.PATTERN) String slug,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CNY") String currency,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull Subsidiary> subsidiaries,
        @NotNull @Valid Admin admin) {

    public record Subsidiary(@NotBlank @Size(max = 200) String name,
                             @NotEmpty @Size(max = 200) List<@Valid @NotNull Store> stores) {
    }

    public record Store(@NotBlank @Size(max = 200) String name, @NotNull StorePlatform platform) {
    }

    public record Admin(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}", message = "must be 3-64 lower-case letters, digits, '.', '_' or '-'") String username,
            @NotBlank @Size(max = 200) String displayName,
            @NotBlank @Size(min = 8, max = 128) String password) {

        @Override
        public String toString() {
            return "Admin[username=" + username + ", displayName=" + displayName + "]";
        }
    }
}
