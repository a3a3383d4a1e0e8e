package com.storecrm.crm.lead;

/**
 * What can happen to a lead, named as the seeds name it. Each action is one row of
 * {@link LeadLifecycle}'s table: the statuses it may start from and the status it leads to.
 */
public enum LeadAction {
    /** A lead enters the CRM: owned (Pending) or into a pool without owner (Unassigned). */
    CREATE,
    /** A pool member takes an Unassigned lead (pools feature). */
    CLAIM,
    /** A manager or pool administrator gives the lead an owner. */
    ASSIGN,
    /** A sales activity or a follow-up result was recorded. */
    RECORD_FOLLOW_UP,
    /** Unreachable or no interest; reversible. */
    MARK_INVALID,
    /** An Invalid lead becomes worth working again. */
    REACTIVATE,
    /** Turned into account, contact, opportunity (conversion feature). */
    CONVERT,
    /** The owner gives the lead back to its pool (pools feature). */
    RETURN,
    /** A pool administrator takes the lead away from its owner (pools feature). */
    RECLAIM,
    /** Junk; like deletion, visible to the tenant administrator only. */
    DISCARD,
    /** The tenant administrator brings a discarded lead back to where it was. */
    RESTORE
}
