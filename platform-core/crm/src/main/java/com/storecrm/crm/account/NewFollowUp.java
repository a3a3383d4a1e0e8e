package com.storecrm.crm.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;

/** A follow-up record on a customer; {@code occurredAt} defaults to now. */
public record NewFollowUp(@NotNull FollowUpKind kind, @NotBlank @Size(max = 2000) String result, Instant occurredAt,
                          LocalDate nextFollowUpOn) {

    public enum FollowUpKind { CALL, VISIT, EMAIL, CHAT, NOTE }
}
