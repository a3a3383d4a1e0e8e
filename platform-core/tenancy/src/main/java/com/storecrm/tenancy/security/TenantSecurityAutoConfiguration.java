package com.storecrm.tenancy.security;

import com.storecrm.tenancy.catalog.CatalogReader;
import com.storecrm.tenancy.web.CallerController;
import com.storecrm.tenancy.web.PayloadLimitFilter;
import com.storecrm.tenancy.web.ProblemDetailsAdvice;
import com.storecrm.tenancy.web.RequestIdFilter;
import com.storecrm.tenancy.web.TenantTaggedRequestConvention;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/** Wires every service as a resource server of the platform's tokens, with the shared web conventions. */
@AutoConfiguration(beforeName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration")
@EnableConfigurationProperties(PlatformSecurityProperties.class)
@Import({ProblemDetailsAdvice.class, CallerController.class})
public class TenantSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CatalogReader catalogReader(DataSource dataSource) {
        return new CatalogReader(JdbcClient.create(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(PlatformSecurityProperties properties) {
        return PlatformJwtDecoders.create(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    TenantPrincipalConverter tenantPrincipalConverter(CatalogReader catalog, PlatformSecurityProperties properties) {
        return new TenantPrincipalConverter(catalog, properties.requiredScope());
    }

    /** The default chain of a tenant-facing service: every {@code /api/**} call needs a tenant user. */
    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain tenantApiChain(HttpSecurity http, TenantPrincipalConverter converter) throws Exception {
        TenantApiSecurity.apply(http, converter)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
        return http.build();
    }

    @Bean
    @ConditionalOnMissingBean(org.springframework.http.server.observation.ServerRequestObservationConvention.class)
    TenantTaggedRequestConvention tenantTaggedRequestConvention() {
        return new TenantTaggedRequestConvention();
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<PayloadLimitFilter> payloadLimitFilter(
            @Value("${platform.web.max-json-bytes:1048576}") long maxBytes) {
        FilterRegistrationBean<PayloadLimitFilter> registration =
                new FilterRegistrationBean<>(new PayloadLimitFilter(maxBytes));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
