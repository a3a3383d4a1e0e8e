package com.storecrm.tenancy.security;

import com.storecrm.tenancy.TenantScope;
import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** An authenticated tenant user: the verified token plus the scope the catalog resolved for it. */
public class TenantAuthentication extends JwtAuthenticationToken {

    private final TenantScope scope;

    public TenantAuthentication(Jwt jwt, TenantScope scope, Collection<? extends GrantedAuthority> authorities) {
        super(jwt, authorities, scope.username());
        this.scope = scope;
    }

    public TenantScope scope() {
        return scope;
    }
}
