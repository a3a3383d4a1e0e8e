/**
 * Leads: creation and reading within the caller's stores (thin slice; status lifecycle, activities,
 * pools and conversion follow). Owns the {@code lead} table of every tenant schema.
 */
package com.storecrm.crm.lead;
