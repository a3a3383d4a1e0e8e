/**
 * Notifications (SPEC §3.10): per-user in-app notifications for assignments, claims, returns,
 * reclaims, automatic returns and their warnings, overdue pool leads and due follow-ups, and an
 * outbound {@link com.storecrm.crm.notification.WebhookPort} posting each to the tenant's address.
 *
 * <p>Owns {@code notification} and {@code notification_webhook}. Listens to
 * {@link com.storecrm.crm.lead.LeadAssigned}, {@link com.storecrm.crm.lead.FollowUpDue},
 * {@link com.storecrm.crm.pool.LeadClaimed}, {@link com.storecrm.crm.pool.LeadReturnedToPool},
 * {@link com.storecrm.crm.pool.LeadReturnWarning} and {@link com.storecrm.crm.pool.LeadFollowUpOverdue};
 * publishes nothing.
 */
package com.storecrm.crm.notification;
