/**
 * Lead conversion (SPEC §3.2, lead manual 4.4): a lead becomes a customer (created, or linked by
 * name under the account duplicate check), optionally a contact (refused under the contact duplicate
 * check) and an opportunity (refused under the unique-name rule), with its activities optionally
 * copied to the customer, in one transaction; the tenant's duplicate rules.
 *
 * <p>Owns the tenant-wide table {@code conversion_rule} and {@code lead_conversion}. Publishes
 * {@link com.storecrm.crm.conversion.LeadConverted}; listens to nothing. Uses the lead feature's
 * {@code LeadHandling#convert}, the account feature's {@code AccountsForConversion} and the
 * opportunity feature's {@code OpportunityService}, all joining its transaction.
 */
package com.storecrm.crm.conversion;
