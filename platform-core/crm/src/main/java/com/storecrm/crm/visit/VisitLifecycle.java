package com.storecrm.crm.visit;

import java.util.Map;
import java.util.Set;

/**
 * The visit's statuses (visit manual 3.4.2): check in to a planned visit, check out of a started
 * one; a visit not yet completed may be cancelled. Completed and cancelled are final.
 */
public final class VisitLifecycle {

    private static final Map<VisitAction, Set<VisitStatus>> FROM = Map.of(
            VisitAction.CHECK_IN, Set.of(VisitStatus.PLANNED),
            VisitAction.CHECK_OUT, Set.of(VisitStatus.CHECKED_IN),
            VisitAction.CANCEL, Set.of(VisitStatus.PLANNED, VisitStatus.CHECKED_IN));
    private static final Map<VisitAction, VisitStatus> TO = Map.of(
            VisitAction.CHECK_IN, VisitStatus.CHECKED_IN,
            VisitAction.CHECK_OUT, VisitStatus.COMPLETED,
            VisitAction.CANCEL, VisitStatus.CANCELLED);

    private VisitLifecycle() {
    }

    public static VisitStatus move(VisitStatus from, VisitAction action) {
        if (!FROM.get(action).contains(from)) {
            throw new IllegalVisitTransition(from, action);
        }
        return TO.get(action);
    }
}
