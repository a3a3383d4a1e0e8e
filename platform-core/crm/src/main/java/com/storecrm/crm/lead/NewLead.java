package com.storecrm.crm.lead;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A lead as a client submits it. */
public record NewLead(
        @NotNull UUID storeId,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 200) String company,
        @Size(max = 40) @Pattern(regexp = "[+0-9 ()-]*", message = "may hold digits, spaces, +, - and parentheses only") String phone,
        @Email @Size(max = 254) String email,
        @Size(max = 60) String source,
        UUID campaignId,
        UUID poolId) {
}
