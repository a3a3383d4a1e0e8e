/**
 * Resource-server side of sign-in: bearer JWTs are verified (signature, expiry, issuer, audience,
 * scope), then the caller's tenant, roles and stores are loaded from the catalog on every request,
 * so a suspended tenant or a removed membership takes effect at once.
 */
package com.storecrm.tenancy.security;
