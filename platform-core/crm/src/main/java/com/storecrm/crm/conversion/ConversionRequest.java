package com.storecrm.crm.conversion;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a lead becomes. The customer is always part of it: omitted fields come from the lead (its
 * company name becomes the customer's name). Without {@code contact} or {@code opportunity} none is
 * created; an opportunity's fields are required and it enters its process at stage one.
 */
public record ConversionRequest(@Valid AccountPart account, @Valid ContactPart contact,
                                @Valid OpportunityPart opportunity, Boolean copyActivities) {

    public record AccountPart(
            @Size(max = 200) String name,
            @Size(max = 40) String tier,
            @Size(max = 60) String province,
            @Size(max = 60) String city,
            @Size(max = 300) String address,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @Size(max = 40) @Pattern(regexp = "[+0-9 ()-]*", message = "may hold digits, spaces, +, - and parentheses only") String mobile,
            @Size(max = 100) String chatId) {
    }

    /** A contact; name, mobile, chat id and email default to the lead's. */
    public record ContactPart(
            @Size(max = 100) String name,
            @Size(max = 100) String title,
            @Size(max = 40) @Pattern(regexp = "[+0-9 ()-]*", message = "may hold digits, spaces, +, - and parentheses only") String mobile,
            @Size(max = 100) String chatId,
            @Email @Size(max = 254) String email) {
    }

    public record OpportunityPart(
            @NotBlank @Size(max = 200) String name,
            @NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal amount,
            @NotNull UUID salesProcessId,
            @NotNull LocalDate expectedCloseDate,
            @Size(max = 100) String productLine) {
    }
}
