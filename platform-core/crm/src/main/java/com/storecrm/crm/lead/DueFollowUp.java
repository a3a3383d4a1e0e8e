package com.storecrm.crm.lead;

import java.time.LocalDate;
import java.util.UUID;

/** A lead of mine whose planned follow-up is due today or overdue. */
public record DueFollowUp(UUID leadId, UUID storeId, String leadName, LeadStatus status, LocalDate dueOn,
                          boolean overdue) {
}
