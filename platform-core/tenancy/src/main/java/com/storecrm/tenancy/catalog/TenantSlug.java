package com.storecrm.tenancy.catalog;

import java.util.regex.Pattern;

/** A tenant's slug and the schema derived from it; the pattern keeps both safe SQL identifiers. */
public record TenantSlug(String value) {

    public static final String PATTERN = "[a-z][a-z0-9_]{2,39}";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    public TenantSlug {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("slug must match " + PATTERN);
        }
    }

    public String schema() {
        return "tenant_" + value;
    }
}
