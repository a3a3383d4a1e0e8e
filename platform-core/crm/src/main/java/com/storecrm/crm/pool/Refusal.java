package com.storecrm.crm.pool;

import java.util.UUID;

/** One lead of a batch that was not moved, with the reason and, for statuses, the status it has. */
public record Refusal(UUID leadId, RefusalReason reason, String detail) {

    static Refusal of(UUID leadId, RefusalReason reason) {
        return new Refusal(leadId, reason, reason.detail());
    }

    static Refusal of(UUID leadId, RefusalReason reason, String more) {
        return new Refusal(leadId, reason, reason.detail() + ": " + more);
    }
}
