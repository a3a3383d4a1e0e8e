package com.storecrm.crm.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record FollowUpView(UUID id, NewFollowUp.FollowUpKind kind, String result, Instant occurredAt,
                           LocalDate nextFollowUpOn, UUID recordedBy) {
}
