/**
 * The platform catalog in the {@code public} schema (tenants, subsidiaries, stores, users, API clients),
 * catalog and per-tenant schema migrations, and provisioning of a tenant as an all-or-nothing sequence.
 */
package com.storecrm.tenancy.catalog;
