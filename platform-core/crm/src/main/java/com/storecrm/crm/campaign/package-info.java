/**
 * Campaigns (SPEC §3.2): a store's marketing campaigns with type, dates, budget, actual cost and
 * status, and the tenant's configurable list of campaign types.
 *
 * <p>Owns the tables {@code campaign} and {@code campaign_type} of every tenant schema. Publishes
 * nothing and listens to nothing. Offers {@link com.storecrm.crm.campaign.Campaigns#exists} to the
 * lead feature, which checks that a lead's campaign belongs to the lead's store.
 */
package com.storecrm.crm.campaign;
