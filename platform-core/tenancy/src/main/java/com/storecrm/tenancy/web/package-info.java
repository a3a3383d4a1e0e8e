/** Web conventions shared by every feature: RFC 9457 problem details, paging, request ids, payload limits. */
package com.storecrm.tenancy.web;
