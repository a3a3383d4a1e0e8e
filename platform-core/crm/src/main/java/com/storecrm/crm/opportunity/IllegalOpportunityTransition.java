package com.storecrm.crm.opportunity;

/** An action an ended opportunity does not allow; answered as 409 naming the status. */
public final class IllegalOpportunityTransition extends RuntimeException {

    private final OpportunityStatus current;

    IllegalOpportunityTransition(OpportunityStatus current, OpportunityAction action) {
        super("an opportunity that is " + current + " does not allow " + action);
        this.current = current;
    }

    public OpportunityStatus current() {
        return current;
    }
}
