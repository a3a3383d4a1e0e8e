package com.storecrm.admin.onboarding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two onboarding requests "the same": every field but the password, which is compared
 * against the stored hash instead, so the fingerprint never holds a password.
 */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    static String of(OnboardTenant request) {
        StringBuilder canonical = new StringBuilder()
                .append(request.slug()).append('\n').append(request.name()).append('\n').append(request.currency());
        for (OnboardTenant.Subsidiary subsidiary : request.subsidiaries()) {
            canonical.append("\nS:").append(subsidiary.name());
            for (OnboardTenant.Store store : subsidiary.stores()) {
                canonical.append("\n  ").append(store.name()).append('|').append(store.platform());
            }
        }
        canonical.append("\nA:").append(request.admin().username()).append('|').append(request.admin().displayName());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
