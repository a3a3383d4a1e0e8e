package com.storecrm.crm.conversion;

import java.time.Instant;
import java.util.UUID;

/** A lead became a customer (and maybe a contact and an opportunity); campaign figures count it. */
public record LeadConverted(UUID tenantId, UUID storeId, UUID leadId, UUID accountId, boolean accountLinked,
                            UUID contactId, UUID opportunityId, UUID convertedBy, Instant at) {
}
