/**
 * Customer profiles and the high seas (SPEC §3.4, the custom-CRM case): profiles with the dual check
 * on mobile number and chat id per store, contacts, follow-up records, and the customer ownership
 * state machine ({@link com.storecrm.crm.account.CustomerOwnership}) with release, claim
 * applications decided by a supervisor, return visits and the automatic moves of
 * {@link com.storecrm.crm.account.HighSeasJobs} under the tenant's rules.
 *
 * <p>Owns the tables {@code account}, {@code contact}, {@code account_follow_up},
 * {@code high_seas_claim}, {@code account_ownership_history} and {@code high_seas_rule}. Publishes
 * {@link com.storecrm.crm.account.CustomerMovedToHighSeas},
 * {@link com.storecrm.crm.account.HighSeasClaimApplied},
 * {@link com.storecrm.crm.account.HighSeasClaimDecided} and
 * {@link com.storecrm.crm.account.ReturnVisitRecorded}; listens to nothing. Offers
 * {@link com.storecrm.crm.account.AccountService#require} to the opportunity and visit features and
 * {@link com.storecrm.crm.account.HighSeas#recordReturnVisit} to visits, and
 * {@link com.storecrm.crm.account.AccountsForConversion} (joining the caller's transaction) to lead
 * conversion.
 */
package com.storecrm.crm.account;
