package com.storecrm.crm.opportunity;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The opportunity status table (SPEC §3.5, the opportunity manual): an open opportunity moves through
 * its stages and ends Won, Lost (with a reason) or Invalid from any stage; an ended one is final.
 */
public final class OpportunityLifecycle {

    private static final Map<OpportunityStatus, Map<OpportunityAction, OpportunityStatus>> TABLE =
            new EnumMap<>(Map.of(OpportunityStatus.OPEN, Map.of(
                    OpportunityAction.ADVANCE, OpportunityStatus.OPEN,
                    OpportunityAction.REQUEST_ADVANCE, OpportunityStatus.OPEN,
                    OpportunityAction.APPROVE_ADVANCE, OpportunityStatus.OPEN,
                    OpportunityAction.REFUSE_ADVANCE, OpportunityStatus.OPEN,
                    OpportunityAction.WIN, OpportunityStatus.WON,
                    OpportunityAction.LOSE, OpportunityStatus.LOST,
                    OpportunityAction.INVALIDATE, OpportunityStatus.INVALID)));

    static final Set<OpportunityStatus> CLOSED = EnumSet.of(OpportunityStatus.WON, OpportunityStatus.LOST,
            OpportunityStatus.INVALID);

    private OpportunityLifecycle() {
    }

    public static OpportunityStatus next(OpportunityStatus from, OpportunityAction action) {
        OpportunityStatus to = TABLE.getOrDefault(from, Map.of()).get(action);
        if (to == null) {
            throw new IllegalOpportunityTransition(from, action);
        }
        return to;
    }
}
