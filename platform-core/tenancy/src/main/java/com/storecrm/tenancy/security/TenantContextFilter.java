package com.storecrm.tenancy.security;

import com.storecrm.tenancy.TenantContextAccess;
import com.storecrm.tenancy.web.TenantTaggedRequestConvention;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Binds the authenticated user's scope to the request thread and to the log context. */
public class TenantContextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof TenantAuthentication tenantUser)) {
            chain.doFilter(request, response);
            return;
        }
        TenantContextAccess.bind(tenantUser.scope());
        request.setAttribute(TenantTaggedRequestConvention.TENANT_ATTRIBUTE, tenantUser.scope().tenantSlug());
        MDC.put("tenant", tenantUser.scope().tenantSlug());
        MDC.put("userId", tenantUser.scope().userId().toString());
        try {
            chain.doFilter(request, response);
        } finally {
            TenantContextAccess.unbind();
            MDC.remove("tenant");
            MDC.remove("userId");
        }
    }
}
