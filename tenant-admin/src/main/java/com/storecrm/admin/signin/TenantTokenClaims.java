package com.storecrm.admin.signin;

import com.storecrm.tenancy.catalog.CatalogReader;
import com.storecrm.tenancy.catalog.ResolvedPrincipal;
import com.storecrm.tenancy.security.TenantPrincipalConverter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Ties tokens to a tenant user: {@code tenant} and {@code uid} claims and the audiences of the
 * tenant services. Roles and stores are deliberately not in the token; the services load them from
 * the catalog on each request. A suspended tenant or disabled user gets no token.
 */
@Component
class TenantTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final CatalogReader catalog;
    private final TenantUserLogin users;

    TenantTokenClaims(CatalogReader catalog, TenantUserLogin users) {
        this.catalog = catalog;
        this.users = users;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        String clientId = context.getRegisteredClient().getClientId();
        boolean clientCredentials = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType());
        if (clientCredentials && PlatformClients.OPERATOR.equals(clientId)) {
            context.getClaims().audience(persistable(PlatformClients.OPERATOR_AUDIENCE))
                    .claim("scope", persistable(List.of(PlatformClients.OPERATOR_SCOPE)));
            return;
        }
        Optional<UUID> userId = clientCredentials
                ? catalog.userOfApiClient(clientId)
                : LoginName.parse(context.getPrincipal().getName()).flatMap(users::userId);
        ResolvedPrincipal principal = userId.flatMap(catalog::principal)
                .filter(ResolvedPrincipal::mayAct)
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED,
                        "the tenant or user is not active", null)));
        context.getClaims()
                .subject(principal.scope().username() + "@" + principal.scope().tenantSlug())
                .claim(TenantPrincipalConverter.TENANT_CLAIM, principal.scope().tenantSlug())
                .claim(TenantPrincipalConverter.USER_CLAIM, principal.scope().userId().toString());
        if (accessToken) {
            context.getClaims().audience(persistable(PlatformClients.TENANT_AUDIENCE));
            if (clientCredentials && context.getAuthorizedScopes().isEmpty()) {
                // A client that asks for no scope gets all of its registered ones.
                context.getClaims().claim("scope", persistable(context.getRegisteredClient().getScopes()));
            }
        }
    }

    /**
     * The claims are stored with the authorization (JdbcOAuth2AuthorizationService, typed JSON) and
     * read back on any later lookup (a replayed code, refresh, revocation, introspection). Its type
     * allowlist accepts {@link ArrayList} but not the JDK's immutable lists ({@code List.of}), so
     * claim values must be plain lists or every such lookup fails with a 500.
     */
    private static List<String> persistable(java.util.Collection<String> values) {
        return new ArrayList<>(values);
    }
}
