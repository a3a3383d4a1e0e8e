package com.storecrm.crm.account;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A customer profile as a client submits it (SPEC §3.4); also the body of an edit, whose store must
 * stay the same. A mobile number or chat id already on a profile of the store is refused with the
 * existing profile's id (the dual check).
 */
public record NewAccount(
        @NotNull UUID storeId,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 40) String tier,
        @Size(max = 60) String province,
        @Size(max = 60) String city,
        @Size(max = 300) String address,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Size(max = 40) @Pattern(regexp = "[+0-9 ()-]*", message = "may hold digits, spaces, +, - and parentheses only") String mobile,
        @Size(max = 100) String chatId,
        @Size(max = 500) String productPreferences,
        @Size(max = 500) String purchaseIntention,
        @Size(max = 30) List<@NotBlank @Size(max = 40) String> tags,
        @Size(max = 50) Map<String, Object> customFields) {

    /** The fields of the public API contract. */
    public NewAccount(UUID storeId, String name, String mobile, String chatId, String province, String city) {
        this(storeId, name, null, province, city, null, null, null, mobile, chatId, null, null, null, null);
    }
}
