package com.storecrm.crm.lead;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A lead as a client submits it (also the text fields of a scanned business card). There is no way
 * to ask for a duplicate: a phone number or email address already on a live lead of the store is
 * refused with the existing lead's id, as the manual's duplicate check does.
 */
public record NewLead(
        @NotNull UUID storeId,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 200) String company,
        @Size(max = 40) @Pattern(regexp = "[+0-9 ()-]*", message = "may hold digits, spaces, +, - and parentheses only") String phone,
        @Email @Size(max = 254) String email,
        @Size(max = 60) String source,
        UUID campaignId,
        UUID poolId,
        @Size(max = 100) String chatId,
        @Size(max = 100) String region,
        @Size(max = 100) String industry,
        @Size(max = 50) Map<String, Object> customFields,
        @Size(max = 20) List<@Valid @NotNull TeamMemberRequest> relatedTeam) {

    /** The fields of the public API contract. */
    public NewLead(UUID storeId, String name, String company, String phone, String email, String source,
                   UUID campaignId, UUID poolId) {
        this(storeId, name, company, phone, email, source, campaignId, poolId, null, null, null, null, null);
    }

    /** A member of the lead's related team: reads the lead, and works it with {@code READ_WRITE}. */
    public record TeamMemberRequest(@NotNull UUID userId, @NotNull TeamAccess access) {
    }

    public enum TeamAccess { READ, READ_WRITE }
}
