/** Tenant identity administration by the tenant administrator: users with roles and stores, API clients. */
package com.storecrm.admin.identity;
