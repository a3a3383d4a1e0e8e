/**
 * The analytics service's access to ClickHouse: it owns the warehouse schema (versioned DDL from the
 * warehouse module, applied at start) and gives features a scoped query helper.
 */
package com.storecrm.analytics.warehouse;
