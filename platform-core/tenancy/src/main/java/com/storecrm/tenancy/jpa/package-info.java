/**
 * Schema-per-tenant Hibernate wiring and the row-level-security session setup: the schema comes
 * from the current {@link com.storecrm.tenancy.TenantContext}, the store scope is SET LOCAL at the
 * start of every transaction.
 */
package com.storecrm.tenancy.jpa;
