package com.storecrm.admin.onboarding;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A tenant as the operator sees it, with the health figures of SPEC §5. */
public record TenantOverview(UUID id, String slug, String name, String currency, String status,
                             String schemaVersion, String latestSchemaVersion, Map<String, Long> rowCounts,
                             Instant lastChangeSeenByAnalytics) {
}
