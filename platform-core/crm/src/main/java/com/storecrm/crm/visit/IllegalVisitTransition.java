package com.storecrm.crm.visit;

/** A visit action its current status does not allow (a 409). */
public class IllegalVisitTransition extends RuntimeException {

    private final VisitStatus current;
    private final VisitAction action;

    IllegalVisitTransition(VisitStatus current, VisitAction action) {
        super("a " + current + " visit cannot " + action.name().toLowerCase().replace('_', ' '));
        this.current = current;
        this.action = action;
    }

    public VisitStatus current() {
        return current;
    }

    public VisitAction action() {
        return action;
    }
}
