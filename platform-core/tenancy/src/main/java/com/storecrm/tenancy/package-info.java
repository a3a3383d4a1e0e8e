/**
 * The tenancy kernel shared by every StoreCRM service: who is calling (tenant, user, roles, stores),
 * schema-per-tenant persistence with row-level security keyed on the caller's stores, the platform
 * catalog and its migrations, tenant provisioning, and the web conventions every feature reuses
 * (problem details, paging, request ids). It knows no CRM feature.
 */
package com.storecrm.tenancy;
