package com.storecrm.crm.lead.internal;

import com.storecrm.crm.lead.LeadAction;
import com.storecrm.crm.lead.LeadStatus;
import java.util.Objects;
import java.util.UUID;

/** What one action did to a lead (its pool as after the action): the raw material of its history entry and its events. */
public record LeadChange(UUID leadId, UUID storeId, UUID poolId, LeadAction action, LeadStatus fromStatus, LeadStatus toStatus,
                         UUID fromOwner, UUID toOwner) {

    public boolean statusChanged() {
        return fromStatus != toStatus;
    }

    public boolean ownerChanged() {
        return !Objects.equals(fromOwner, toOwner);
    }
}
