package com.storecrm.crm.account;

/** Everything that may move a customer's ownership; {@link CustomerOwnership} says from where to where. */
public enum OwnershipAction {
    CREATE,
    RELEASE,
    MOVE_FOR_NO_RETURN_VISIT,
    APPLY_TO_CLAIM,
    APPROVE_CLAIM,
    REFUSE_CLAIM,
    RECORD_RETURN_VISIT,
    MISS_RETURN_VISIT_DEADLINE
}
