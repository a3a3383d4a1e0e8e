package com.storecrm.crm.lead;

import static com.storecrm.crm.lead.LeadStatus.CONVERTED;
import static com.storecrm.crm.lead.LeadStatus.DISCARDED;
import static com.storecrm.crm.lead.LeadStatus.INVALID;
import static com.storecrm.crm.lead.LeadStatus.IN_PROGRESS;
import static com.storecrm.crm.lead.LeadStatus.PENDING;
import static com.storecrm.crm.lead.LeadStatus.UNASSIGNED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lead status lifecycle of SPEC §3.2 and the lead manual, as one table: for every action the
 * statuses it may start from and the status it ends in. Nothing else sets a lead's status.
 *
 * <p>Where the manual decides: lead handling (follow-up, invalid, convert) starts from Pending, In
 * Progress or Invalid, so a follow-up on an Invalid lead re-activates it straight to In Progress and
 * an Invalid lead may be converted; assignment, return and reclaim follow the pool chapter; a
 * Converted lead is final (its life goes on as account, contact, opportunity) and cannot be
 * discarded. Restoring puts a discarded lead back into the status it was discarded from.
 */
public final class LeadLifecycle {

    private record Rule(Set<LeadStatus> from, LeadStatus to) {
    }

    private static final Set<LeadStatus> HANDLED = EnumSet.of(PENDING, IN_PROGRESS, INVALID);
    private static final Set<LeadStatus> RESTORABLE = EnumSet.of(UNASSIGNED, PENDING, IN_PROGRESS, INVALID);

    private static final Map<LeadAction, Rule> TABLE = new EnumMap<>(Map.of(
            LeadAction.CLAIM, new Rule(EnumSet.of(UNASSIGNED), PENDING),
            LeadAction.ASSIGN, new Rule(EnumSet.of(UNASSIGNED, PENDING, IN_PROGRESS, INVALID), PENDING),
            LeadAction.RECORD_FOLLOW_UP, new Rule(HANDLED, IN_PROGRESS),
            LeadAction.MARK_INVALID, new Rule(EnumSet.of(PENDING, IN_PROGRESS), INVALID),
            LeadAction.REACTIVATE, new Rule(EnumSet.of(INVALID), PENDING),
            LeadAction.CONVERT, new Rule(HANDLED, CONVERTED),
            LeadAction.RETURN, new Rule(HANDLED, UNASSIGNED),
            LeadAction.RECLAIM, new Rule(HANDLED, UNASSIGNED),
            LeadAction.DISCARD, new Rule(RESTORABLE, DISCARDED)));

    private LeadLifecycle() {
    }

    /** The status a new lead starts in: Pending with an owner, Unassigned in a pool without one. */
    public static LeadStatus created(boolean hasOwner) {
        return hasOwner ? PENDING : UNASSIGNED;
    }

    /**
     * The status after {@code action} on a lead that is {@code from}.
     *
     * @throws IllegalTransition when the table has no such move
     */
    public static LeadStatus next(LeadStatus from, LeadAction action) {
        if (action == LeadAction.CREATE || action == LeadAction.RESTORE) {
            throw new IllegalArgumentException(action + " has its own method");
        }
        Rule rule = TABLE.get(action);
        if (!rule.from().contains(from)) {
            throw new IllegalTransition(from, action);
        }
        return rule.to();
    }

    /** Whether {@code action} is allowed from {@code from}, without doing it. */
    public static boolean allows(LeadStatus from, LeadAction action) {
        return action == LeadAction.RESTORE ? from == DISCARDED
                : action != LeadAction.CREATE && TABLE.get(action).from().contains(from);
    }

    /**
     * Back to where the lead was when it was discarded.
     *
     * @throws IllegalTransition when the lead is not discarded
     */
    public static LeadStatus restore(LeadStatus from, LeadStatus discardedFrom) {
        if (from != DISCARDED) {
            throw new IllegalTransition(from, LeadAction.RESTORE);
        }
        if (!RESTORABLE.contains(discardedFrom)) {
            throw new IllegalStateException("a lead cannot have been discarded from " + discardedFrom);
        }
        return discardedFrom;
    }

    static String describe(LeadAction action) {
        return switch (action) {
            case CREATE -> "created";
            case CLAIM -> "claimed";
            case ASSIGN -> "assigned";
            case RECORD_FOLLOW_UP -> "followed up";
            case MARK_INVALID -> "marked invalid";
            case REACTIVATE -> "re-activated";
            case CONVERT -> "converted";
            case RETURN -> "returned to a pool";
            case RECLAIM -> "reclaimed";
            case DISCARD -> "discarded";
            case RESTORE -> "restored";
        };
    }
}
