package com.storecrm.tenancy.security;

import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.catalog.CatalogReader;
import com.storecrm.tenancy.catalog.ResolvedPrincipal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Turns a verified token into a tenant user. The token only names the tenant and user; roles and
 * stores come from the catalog, and a suspended tenant or disabled user is refused here.
 */
public class TenantPrincipalConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final String TENANT_CLAIM = "tenant";
    public static final String USER_CLAIM = "uid";

    private final CatalogReader catalog;
    private final String requiredScope;
    private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

    public TenantPrincipalConverter(CatalogReader catalog, String requiredScope) {
        this.catalog = catalog;
        this.requiredScope = requiredScope;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String tenant = jwt.getClaimAsString(TENANT_CLAIM);
        UUID userId = parseUserId(jwt.getClaimAsString(USER_CLAIM));
        if (tenant == null || userId == null) {
            throw refused("token does not identify a tenant user");
        }
        Collection<GrantedAuthority> scopeAuthorities = scopes.convert(jwt);
        if (requiredScope != null && scopeAuthorities.stream()
                .noneMatch(a -> a.getAuthority().equals("SCOPE_" + requiredScope))) {
            throw refused("token lacks scope " + requiredScope);
        }
        ResolvedPrincipal principal = catalog.principal(userId)
                .filter(p -> p.scope().tenantSlug().equals(tenant))
                .orElseThrow(() -> refused("unknown tenant user"));
        if (!principal.mayAct()) {
            throw refused("tenant or user is not active");
        }
        List<GrantedAuthority> authorities = new ArrayList<>(scopeAuthorities);
        principal.scope().roles().stream().map(PlatformRole::authority).map(SimpleGrantedAuthority::new)
                .forEach(authorities::add);
        return new TenantAuthentication(jwt, principal.scope(), authorities);
    }

    private static UUID parseUserId(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static OAuth2AuthenticationException refused(String description) {
        return new OAuth2AuthenticationException(new BearerTokenError("invalid_token",
                org.springframework.http.HttpStatus.UNAUTHORIZED, description, null));
    }
}
