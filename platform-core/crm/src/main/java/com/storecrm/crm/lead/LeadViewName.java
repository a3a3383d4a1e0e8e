package com.storecrm.crm.lead;

/** The default lead views (lead manual 4.1), each within what the caller may see. */
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
    /** Owned by a subordinate of the caller, at any depth. */
    subordinatesLeads,
    /** Owned by a subordinate or with a subordinate on its related team. */
    subordinatesParticipations,
    /** Owned by a user (or a department's member) whose leads a sharing rule shares with the caller. */
    sharedWithMe,
    /** Owned by, or with on its related team, a member of a department the caller heads. */
    myResponsibleDepartments,
    /** Discarded leads: the tenant administrator only. */
    discarded
}
