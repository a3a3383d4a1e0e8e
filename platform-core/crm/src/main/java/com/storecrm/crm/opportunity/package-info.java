/**
 * Opportunities (SPEC §3.5, the opportunity manual): created on a customer in a sales process,
 * advanced stage by stage under the stage's mandatory feedback, tasks and approval, ended Won, Lost
 * (with reason) or Invalid ({@link com.storecrm.crm.opportunity.OpportunityLifecycle}), with a history
 * per move; the funnel ({@link com.storecrm.crm.opportunity.FunnelCalculator}), cycle times per
 * product line and reminders before the expected close date.
 *
 * <p>Owns the tables {@code opportunity} and {@code opportunity_history}. Publishes
 * {@link com.storecrm.crm.opportunity.OpportunityStageChanged} and
 * {@link com.storecrm.crm.opportunity.OpportunityCloseDue}; listens to nothing. Uses the account
 * and sales process features' public services.
 */
package com.storecrm.crm.opportunity;
