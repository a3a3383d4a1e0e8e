package com.storecrm.crm.opportunity;

import java.time.LocalDate;
import java.util.UUID;

/** An open opportunity's expected close date is within its process's reminder days. */
public record OpportunityCloseDue(UUID tenantId, UUID storeId, UUID opportunityId, UUID ownerId,
                                  LocalDate expectedCloseDate) {
}
