package com.storecrm.crm.lead;

/** SPEC §3.2: Unassigned → Pending → In Progress → Converted | Invalid | Discarded. */
public enum LeadStatus {
    UNASSIGNED, PENDING, IN_PROGRESS, CONVERTED, INVALID, DISCARDED
}
