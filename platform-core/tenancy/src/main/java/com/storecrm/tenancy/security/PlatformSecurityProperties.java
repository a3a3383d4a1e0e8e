package com.storecrm.tenancy.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * How this service trusts tokens. Point {@code issuer} and {@code jwkSetUri} at the embedded
 * authorization server (default) or at any OIDC provider (e.g. a Keycloak realm) that puts the
 * claims {@code tenant} and {@code uid} into its access tokens.
 *
 * @param issuer         required {@code iss} of every token
 * @param jwkSetUri      where the signing keys are published
 * @param publicKey      alternatively, a PEM public key (tests, air-gapped installs)
 * @param audience       this service's name; tokens must list it in {@code aud}
 * @param requiredScope  scope a tenant user's token must carry to call this service
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(String issuer, String jwkSetUri, Resource publicKey, String audience,
                                         String requiredScope) {
}
