package com.storecrm.crm.account;

/** Where a customer stands between its owner and the high seas (SPEC §3.4). */
public enum OwnershipStatus {
    /** A rep owns the customer and keeps it by visiting it within the tenant's days. */
    OWNED,
    /** In the shared pool, without an owner. */
    HIGH_SEAS,
    /** In the high seas with a rep's claim application waiting for the supervisor. */
    CLAIM_PENDING,
    /** Claimed: owned, but lost again unless the new owner completes a return visit by the deadline. */
    AWAITING_RETURN_VISIT
}
