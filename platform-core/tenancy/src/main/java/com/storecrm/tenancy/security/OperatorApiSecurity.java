package com.storecrm.tenancy.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * The filter-chain rules of every service's operator API ({@code /api/platform/**}): a bearer token
 * for the service with scope {@code platform.admin} and no tenant. A tenant user's token is refused
 * with 403, no token with 401, both as problem details.
 */
public final class OperatorApiSecurity {

    public static final String PATHS = "/api/platform/**";
    public static final String SCOPE = "platform.admin";

    private OperatorApiSecurity() {
    }

    public static HttpSecurity apply(HttpSecurity http) throws Exception {
        return http.securityMatcher(PATHS)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(ProblemSecurityHandlers.entryPoint())
                        .accessDeniedHandler(ProblemSecurityHandlers.accessDenied()))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemSecurityHandlers.entryPoint())
                        .accessDeniedHandler(ProblemSecurityHandlers.accessDenied()))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority("SCOPE_" + SCOPE));
    }
}
