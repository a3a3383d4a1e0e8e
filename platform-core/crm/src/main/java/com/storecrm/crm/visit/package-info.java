/**
 * Visits to customers (SPEC §3.6, the visit manual 3.4): planned and ad-hoc visits, check-in within
 * the tenant's distance tolerance of the visit's target, check-out with duration and collected data,
 * co-visitors, and planned-versus-completed statistics. A completed visit is the customer's return
 * visit for the high seas.
 *
 * <p>Owns the table {@code visit} and the tenant-wide {@code visit_rule}. Publishes
 * {@link com.storecrm.crm.visit.VisitCompleted}; listens to nothing. Uses the account feature's
 * {@code AccountService#require} and {@code HighSeas#recordReturnVisit} in its own transaction.
 */
package com.storecrm.crm.visit;
