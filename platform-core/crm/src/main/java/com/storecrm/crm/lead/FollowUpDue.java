package com.storecrm.crm.lead;

import java.time.LocalDate;
import java.util.UUID;

/** A planned follow-up of a lead is due; published once per follow-up by the reminder job. */
public record FollowUpDue(UUID tenantId, UUID storeId, UUID leadId, UUID ownerId, UUID activityId, LocalDate dueOn) {
}
