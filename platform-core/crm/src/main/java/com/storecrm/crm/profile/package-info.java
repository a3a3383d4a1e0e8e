/**
 * The customer profile page (SPEC §3.4, the custom-CRM case): one read combining a customer with its
 * contacts, follow-up records and visits; quotes and orders join it when those features exist.
 *
 * <p>Owns no table; publishes and listens to nothing. Reads through the account and visit
 * features' public services, so each keeps its own visibility rules.
 */
package com.storecrm.crm.profile;
