/**
 * Lead pools (SPEC §3.3, the lead pool chapter of the lead manual): pools of a store with
 * administrators and members, claimable or assign-only, a default assignee, claim limits per member
 * (held at once, per day), a follow-up timeout with a warning and automatic return, and the
 * tenant's return reasons. Claim, assign, transfer, reclaim and return work on batches and answer
 * per lead.
 *
 * <p>Owns {@code lead_pool}, {@code lead_pool_member}, {@code lead_pool_claim}, {@code lead_pool_hold},
 * {@code lead_return_reason} and {@code lead_return_rule}. Changes leads only through the lead
 * feature's {@link com.storecrm.crm.lead.PoolLeads}; answers its
 * {@link com.storecrm.crm.lead.LeadPoolDirectory}. Listens to {@link com.storecrm.crm.lead.LeadAssigned}
 * and {@link com.storecrm.crm.lead.LeadStatusChanged} (in the change's transaction, for the follow-up
 * clock). Publishes {@link com.storecrm.crm.pool.LeadClaimed}, {@link com.storecrm.crm.pool.LeadReturnedToPool},
 * {@link com.storecrm.crm.pool.LeadReturnWarning} and {@link com.storecrm.crm.pool.LeadFollowUpOverdue}.
 */
package com.storecrm.crm.pool;
