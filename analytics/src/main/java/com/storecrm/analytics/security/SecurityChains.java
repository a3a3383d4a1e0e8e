package com.storecrm.analytics.security;

import com.storecrm.tenancy.security.OperatorApiSecurity;
import com.storecrm.tenancy.security.TenantApiSecurity;
import com.storecrm.tenancy.security.TenantPrincipalConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two kinds of callers: platform operators on {@code /api/platform/**} (a token for this service
 * with scope {@code platform.admin}, no tenant), and tenant users everywhere else (the shared tenant
 * rules). A tenant user's token on the operator API is refused with 403, an operator's token on the
 * tenant API with 401.
 */
@Configuration(proxyBeanMethods = false)
class SecurityChains {

    @Bean
    @Order(1)
    SecurityFilterChain operatorApi(HttpSecurity http) throws Exception {
        OperatorApiSecurity.apply(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain tenantApi(HttpSecurity http, TenantPrincipalConverter converter) throws Exception {
        TenantApiSecurity.apply(http, converter).authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
        return http.build();
    }
}
