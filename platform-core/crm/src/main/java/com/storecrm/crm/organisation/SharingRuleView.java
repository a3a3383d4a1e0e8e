package com.storecrm.crm.organisation;

import java.time.Instant;
import java.util.UUID;

public record SharingRuleView(UUID id, RecordType recordType, SharingSource source, SharingTarget target,
                              SharingAccess access, Instant createdAt, UUID createdBy) {
}
