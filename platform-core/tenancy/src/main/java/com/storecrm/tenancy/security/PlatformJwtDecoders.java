package com.storecrm.tenancy.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Builds the JWT decoder every service uses: signature, expiry, issuer and audience are all checked. */
public final class PlatformJwtDecoders {

    private PlatformJwtDecoders() {
    }

    public static JwtDecoder create(PlatformSecurityProperties properties) {
        NimbusJwtDecoder decoder = properties.publicKey() != null
                ? NimbusJwtDecoder.withPublicKey(readPublicKey(properties)).build()
                : NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    /** Expiry, not-before, issuer and audience: what every service checks beyond the signature. */
    public static OAuth2TokenValidator<Jwt> validator(PlatformSecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                audience(properties.audience())));
    }

    static OAuth2TokenValidator<Jwt> audience(String audience) {
        OAuth2Error wrongAudience = new OAuth2Error("invalid_token", "token is not meant for " + audience, null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(wrongAudience);
    }

    private static RSAPublicKey readPublicKey(PlatformSecurityProperties properties) {
        try (InputStream in = properties.publicKey().getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(pem);
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read platform.security.public-key", e);
        }
    }
}
