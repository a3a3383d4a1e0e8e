package com.storecrm.crm.account;

import static com.storecrm.crm.account.OwnershipAction.APPLY_TO_CLAIM;
import static com.storecrm.crm.account.OwnershipAction.APPROVE_CLAIM;
import static com.storecrm.crm.account.OwnershipAction.MISS_RETURN_VISIT_DEADLINE;
import static com.storecrm.crm.account.OwnershipAction.MOVE_FOR_NO_RETURN_VISIT;
import static com.storecrm.crm.account.OwnershipAction.RECORD_RETURN_VISIT;
import static com.storecrm.crm.account.OwnershipAction.REFUSE_CLAIM;
import static com.storecrm.crm.account.OwnershipAction.RELEASE;
import static com.storecrm.crm.account.OwnershipStatus.AWAITING_RETURN_VISIT;
import static com.storecrm.crm.account.OwnershipStatus.CLAIM_PENDING;
import static com.storecrm.crm.account.OwnershipStatus.HIGH_SEAS;
import static com.storecrm.crm.account.OwnershipStatus.OWNED;

import java.util.EnumMap;
import java.util.Map;

/**
 * The customer ownership state machine of SPEC §3.4 and the custom-CRM case, as one table. Nothing
 * else moves a customer between its owner and the high seas.
 *
 * <p>Where the documents decide: a customer whose owner made no return visit in time goes to the
 * high seas, and so does one its owner releases; re-claiming needs an application the supervisor
 * approves (refused: it stays in the high seas); an approved claim owns the customer only on
 * condition of a return visit before the deadline, after which it is owned like any other. A
 * customer waiting for its claim cannot be released or moved by the inactivity rule: nobody owns it.
 */
public final class CustomerOwnership {

    private static final Map<OwnershipStatus, Map<OwnershipAction, OwnershipStatus>> TABLE = new EnumMap<>(Map.of(
            OWNED, Map.of(RELEASE, HIGH_SEAS, MOVE_FOR_NO_RETURN_VISIT, HIGH_SEAS, RECORD_RETURN_VISIT, OWNED),
            AWAITING_RETURN_VISIT, Map.of(RELEASE, HIGH_SEAS, MISS_RETURN_VISIT_DEADLINE, HIGH_SEAS,
                    RECORD_RETURN_VISIT, OWNED),
            HIGH_SEAS, Map.of(APPLY_TO_CLAIM, CLAIM_PENDING),
            CLAIM_PENDING, Map.of(APPROVE_CLAIM, AWAITING_RETURN_VISIT, REFUSE_CLAIM, HIGH_SEAS)));

    private CustomerOwnership() {
    }

    /** A customer created by a rep is owned by that rep. */
    public static OwnershipStatus created() {
        return OWNED;
    }

    /**
     * The state after {@code action} on a customer that is {@code from}.
     *
     * @throws IllegalOwnershipTransition when the table has no such move
     */
    public static OwnershipStatus next(OwnershipStatus from, OwnershipAction action) {
        OwnershipStatus to = TABLE.getOrDefault(from, Map.of()).get(action);
        if (to == null) {
            throw new IllegalOwnershipTransition(from, action);
        }
        return to;
    }

    /**
     * Every state {@code action} may move a customer from, with the state it leads to: what a
     * set-based move (the high-seas sweep) may select and write, without a second copy of the rule.
     */
    public static Map<OwnershipStatus, OwnershipStatus> moves(OwnershipAction action) {
        Map<OwnershipStatus, OwnershipStatus> moves = new EnumMap<>(OwnershipStatus.class);
        TABLE.forEach((from, actions) -> {
            OwnershipStatus to = actions.get(action);
            if (to != null) {
                moves.put(from, to);
            }
        });
        return moves;
    }

    public static boolean allows(OwnershipStatus from, OwnershipAction action) {
        return TABLE.getOrDefault(from, Map.of()).containsKey(action);
    }

    /** Whether the customer has an owner in this state. */
    public static boolean owned(OwnershipStatus status) {
        return status == OWNED || status == AWAITING_RETURN_VISIT;
    }
}
