/**
 * Leads (SPEC §3.2, the lead manual): creation with duplicate protection per store, every lead field
 * with tenant-defined custom fields and a configurable source list, the status lifecycle
 * ({@link com.storecrm.crm.lead.LeadLifecycle}) with a history entry per change, sales activities with
 * follow-up reminders, the default views with filters and CSV/XLSX export.
 *
 * <p>Owns the tables {@code lead}, {@code lead_field}, {@code lead_source}, {@code lead_team_member},
 * {@code lead_history} and {@code lead_activity} of every tenant schema. Publishes
 * {@link com.storecrm.crm.lead.LeadAssigned}, {@link com.storecrm.crm.lead.LeadStatusChanged} and
 * {@link com.storecrm.crm.lead.FollowUpDue}; listens to nothing. Offers
 * {@link com.storecrm.crm.lead.PoolLeads} to the pools feature (lock, claim, assign, return, reclaim,
 * transfer, automatic return, inside the pool's transaction) and {@link com.storecrm.crm.lead.LeadHandling}
 * to the conversion feature (convert); asks {@link com.storecrm.crm.lead.LeadPoolDirectory} (answered
 * by pools) where a lead created into a pool goes.
 */
package com.storecrm.crm.lead;
