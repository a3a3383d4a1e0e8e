package com.storecrm.crm.conversion;

import java.util.UUID;

/** What the lead became; {@code contactId} and {@code opportunityId} are null when none was asked for. */
public record ConversionResult(UUID accountId, UUID contactId, UUID opportunityId, boolean accountLinked,
                               int activitiesCopied) {
}
