/**
 * The embedded OAuth2 / OpenID Connect authorization server: persisted signing keys, registered
 * clients (the operator, the browser client, tenants' API clients), people's login as
 * {@code username@tenant}, and the claims that tie a token to a tenant user.
 */
package com.storecrm.admin.signin;
