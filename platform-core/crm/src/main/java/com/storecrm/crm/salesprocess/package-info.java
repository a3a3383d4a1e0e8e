/**
 * Sales processes (SPEC §3.5, the opportunity manual): per tenant, assigned to departments (by id
 * until the organisation feature exists), ordered stages with win probability, required feedback
 * fields and tasks, and optional approval to advance.
 *
 * <p>Owns the tenant-wide tables {@code sales_process} and {@code sales_stage}. Publishes and listens
 * to nothing. Offers {@link com.storecrm.crm.salesprocess.SalesProcessService#find} to opportunities.
 */
package com.storecrm.crm.salesprocess;
