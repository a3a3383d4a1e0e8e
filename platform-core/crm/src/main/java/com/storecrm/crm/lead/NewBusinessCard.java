package com.storecrm.crm.lead;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * The text fields of a scanned business card (SPEC §3.2: OCR is the client's; the card's text comes
 * here). The lead takes the name, company, email, WeChat as chat id and the mobile number (else the
 * phone number); the whole card is kept with the lead. The source defaults to BUSINESS_CARD and may
 * name another offered source, e.g. EXHIBITION for cards collected at a fair (lead manual 3).
 */
public record NewBusinessCard(
        @NotNull UUID storeId,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 200) String company,
        @Size(max = 100) String jobTitle,
        @Size(max = 100) String department,
        @Size(max = 40) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String mobile,
        @Size(max = 40) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
        @Size(max = 40) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String fax,
        @Email @Size(max = 254) String email,
        @Size(max = 100) String wechat,
        @Size(max = 300) String address,
        @Size(max = 300) String website,
        @Size(max = 2000) String note,
        @Size(max = 60) String source,
        UUID campaignId,
        UUID poolId) {

    static final String PHONE = "[+0-9 ()-]*";
    static final String PHONE_MESSAGE = "may hold digits, spaces, +, - and parentheses only";
    static final String DEFAULT_SOURCE = "BUSINESS_CARD";

    NewLead toLead() {
        String number = mobile == null || mobile.isBlank() ? phone : mobile;
        return new NewLead(storeId, name, company, number, email, source == null || source.isBlank() ? DEFAULT_SOURCE
                : source, campaignId, poolId, wechat, null, null, null, null);
    }
}
