/**
 * Organisation and data permissions (SPEC §3.1): departments with heads and members, user groups,
 * data-sharing rules and the tenant's visibility setting, plus {@link com.storecrm.crm.organisation.DataPermissions},
 * the one visibility mechanism that leads, customers and opportunities apply to their records.
 *
 * <p>Owns the tables {@code department}, {@code department_member}, {@code user_group},
 * {@code user_group_member}, {@code sharing_rule} and {@code organisation_rule} of every tenant schema,
 * and reads users and superiors from the platform catalog. Publishes nothing and listens to nothing.
 */
package com.storecrm.crm.organisation;
