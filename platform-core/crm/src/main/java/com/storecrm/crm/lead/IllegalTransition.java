package com.storecrm.crm.lead;

/** An action the lead's current status does not allow; answered as 409 naming the current status. */
public final class IllegalTransition extends RuntimeException {

    private final LeadStatus current;
    private final LeadAction action;

    IllegalTransition(LeadStatus current, LeadAction action) {
        super("a lead that is " + current + " cannot be " + LeadLifecycle.describe(action));
        this.current = current;
        this.action = action;
    }

    public LeadStatus current() {
        return current;
    }

    public LeadAction action() {
        return action;
    }
}
