package com.storecrm.admin.signin;

import java.util.Optional;

/** People sign in as {@code username@tenant}: usernames are unique within a tenant only. */
record LoginName(String username, String tenantSlug) {

    static Optional<LoginName> parse(String value) {
        int at = value == null ? -1 : value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new LoginName(value.substring(0, at), value.substring(at + 1)));
    }

    @Override
    public String toString() {
        return username + "@" + tenantSlug;
    }
}
