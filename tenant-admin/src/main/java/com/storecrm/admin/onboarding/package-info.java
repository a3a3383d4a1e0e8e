/**
 * The operator API: onboard a tenant (idempotent, all or nothing), list tenants with their health,
 * suspend and resume them.
 */
package com.storecrm.admin.onboarding;
