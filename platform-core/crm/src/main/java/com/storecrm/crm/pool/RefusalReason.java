package com.storecrm.crm.pool;

/** Why one lead of a batch was not moved; each names the seeds' precondition it failed. */
public enum RefusalReason {
    /** Not a live lead of this pool in the caller's stores. */
    NOT_IN_POOL("not a lead of this pool"),
    /** Claim: someone already owns the lead (the lost race of two claims). */
    HELD_BY_ANOTHER("another user holds this lead already"),
    /** Claim: the caller owns the lead already. */
    HELD_BY_YOU("you hold this lead already"),
    /** The operation does not start from the lead's status. */
    STATUS_NOT_ALLOWED("the lead's status does not allow this operation"),
    /** Assign: the lead already belongs to that owner. */
    ALREADY_OWNER("the lead already belongs to this owner"),
    /** Claim: the member holds as many of the pool's leads as the pool allows. */
    HELD_LIMIT_REACHED("you hold as many leads of this pool as it allows"),
    /** Claim: the member claimed as many leads today as the pool allows. */
    DAILY_LIMIT_REACHED("you claimed as many leads of this pool today as it allows"),
    /** Return: only the owner and superiors, the read/write team and their superiors, read/write shares or a manager. */
    NOT_PERMITTED("only the lead's owner or superiors, its read/write team or their superiors, users it is "
            + "shared with read/write or a manager may return it"),
    /** Transfer: the lead is in the target pool already. */
    ALREADY_IN_POOL("the lead is in the target pool already");

    private final String detail;

    RefusalReason(String detail) {
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }
}
