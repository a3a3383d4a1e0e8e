package com.storecrm.crm.lead;

/**
 * The default lead views (lead manual 4.1) whose data exists today. My subordinates' leads, my
 * subordinates' participations, shared with me and my responsible departments need departments,
 * superiors and sharing rules, and come with the organisation feature.
 */
public enum LeadViewName {
    /** Every lead the caller may see. */
    all,
    /** Owned by the caller. */
    mine,
    /** Owned by the caller or on its related team. */
    participatedByMe,
    /** Owned by the caller, being worked, and its planned follow-up day has passed. */
    myOverdue,
    /** Owned by the caller, Pending or In Progress, with no follow-up planned or one due today or earlier. */
    pendingMyFollowUp,
    /** Discarded leads: the tenant administrator only. */
    discarded
}
