/** The Data Kanban API: pipeline freshness and lead reports (metrics follow with the order data). */
package com.storecrm.analytics.kanban;
