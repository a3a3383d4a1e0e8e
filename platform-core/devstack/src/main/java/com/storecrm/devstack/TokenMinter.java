package com.storecrm.devstack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs tokens the way the platform's authorization server does, for tests of the resource
 * servers. Its public key is written to a PEM file that a service under test trusts
 * ({@code platform.security.public-key}).
 */
public final class TokenMinter {

    public static final String ISSUER = "http://issuer.test";

    private final KeyPair keys;
    private final Path publicKeyFile;

    public TokenMinter() {
        this.keys = rsa();
        this.publicKeyFile = writePublicKey(keys);
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    public Token forUser(String tenantSlug, UUID userId) {
        return new Token(this, ISSUER, List.of("crm", "analytics", "tenant-admin"), "crm analytics tenant",
                tenantSlug, userId.toString(), Duration.ofMinutes(5), keys);
    }

    /**
     * A platform operator's token as the authorization server issues it to the operator client
     * (client credentials): scope {@code platform.admin}, no tenant, subject the client id.
     */
    public Token forOperator() {
        return new Token(this, ISSUER, List.of("tenant-admin", "analytics"), "platform.admin", null,
                "platform-operator", Duration.ofMinutes(5), keys);
    }

    /** A key pair the services do not trust, for refused-signature tests. */
    public static KeyPair foreignKeys() {
        return rsa();
    }

    public record Token(TokenMinter minter, String issuer, List<String> audience, String scope, String tenant,
                        String userId, Duration lifetime, KeyPair signingKeys) {

        public Token issuer(String value) {
            return new Token(minter, value, audience, scope, tenant, userId, lifetime, signingKeys);
        }

        public Token audience(String... value) {
            return new Token(minter, issuer, List.of(value), scope, tenant, userId, lifetime, signingKeys);
        }

        public Token scope(String value) {
            return new Token(minter, issuer, audience, value, tenant, userId, lifetime, signingKeys);
        }

        public Token tenant(String value) {
            return new Token(minter, issuer, audience, scope, value, userId, lifetime, signingKeys);
        }

        public Token lifetime(Duration value) {
            return new Token(minter, issuer, audience, scope, tenant, userId, value, signingKeys);
        }

        public Token signedWith(KeyPair value) {
            return new Token(minter, issuer, audience, scope, tenant, userId, lifetime, value);
        }

        public String encode() {
            Instant now = Instant.now();
            Instant issuedAt = lifetime.isNegative() ? now.plus(lifetime).minusSeconds(60) : now;
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer).audience(audience).subject(tenant == null ? userId : userId + "@" + tenant)
                    .issueTime(Date.from(issuedAt)).notBeforeTime(Date.from(issuedAt))
                    .expirationTime(Date.from(now.plus(lifetime))).jwtID(UUID.randomUUID().toString())
                    .claim("scope", scope);
            if (tenant != null) {
                claims.claim("tenant", tenant);
            }
            if (userId != null) {
                claims.claim("uid", userId);
            }
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
                jwt.sign(new RSASSASigner((RSAPrivateKey) signingKeys.getPrivate()));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        public String bearer() {
            return "Bearer " + encode();
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey(KeyPair keys) {
        try {
            Path file = Files.createTempFile("platform-test-key", ".pem");
            file.toFile().deleteOnExit();
            String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded());
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
