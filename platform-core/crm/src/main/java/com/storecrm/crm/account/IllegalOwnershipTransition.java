package com.storecrm.crm.account;

/** An ownership action the customer's current state does not allow; answered as 409 naming the state. */
public final class IllegalOwnershipTransition extends RuntimeException {

    private final OwnershipStatus current;
    private final OwnershipAction action;

    IllegalOwnershipTransition(OwnershipStatus current, OwnershipAction action) {
        super("a customer that is " + current + " does not allow " + action);
        this.current = current;
        this.action = action;
    }

    public OwnershipStatus current() {
        return current;
    }

    public OwnershipAction action() {
        return action;
    }
}
