/**
 * The operator API: onboard a tenant (idempotent, all or nothing), list tenants with their health,
 * suspend, resume and offboard them, upgrade every tenant schema.
 */
package com.storecrm.admin.onboarding;
