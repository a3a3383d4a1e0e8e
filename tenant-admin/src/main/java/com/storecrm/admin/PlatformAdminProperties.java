package com.storecrm.admin;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param operatorSecret     secret of the {@code platform-operator} client (PLATFORM_OPERATOR_SECRET)
 * @param appRole            the unprivileged database role the services connect as; tenant tables are granted to it
 * @param webRedirectUris    where the browser client {@code storecrm-web} may be sent back after login
 * @param accessTokenTtl     lifetime of access tokens
 * @param staleOnboarding    an onboarding still unfinished after this long is taken as crashed and cleaned up
 */
@ConfigurationProperties("platform.admin")
public record PlatformAdminProperties(String operatorSecret, String appRole, List<String> webRedirectUris,
                                      Duration accessTokenTtl, Duration staleOnboarding) {

    public PlatformAdminProperties {
        if (operatorSecret == null || operatorSecret.length() < 12) {
            throw new IllegalArgumentException("platform.admin.operator-secret (PLATFORM_OPERATOR_SECRET) must be set, 12+ characters");
        }
        appRole = appRole == null ? "storecrm_app" : appRole;
        webRedirectUris = webRedirectUris == null ? List.of() : List.copyOf(webRedirectUris);
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(30) : accessTokenTtl;
        staleOnboarding = staleOnboarding == null ? Duration.ofMinutes(5) : staleOnboarding;
    }
}
