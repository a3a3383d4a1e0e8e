package com.storecrm.tenancy.web;

/** The limits every list endpoint applies to {@code page} and {@code size}. */
public final class PageBounds {

    public static final int MAX_SIZE = 200;

    private PageBounds() {
    }

    public static void check(int page, int size) {
        if (page < 0) {
            throw ApiProblem.invalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiProblem.invalidField("size", "must be between 1 and " + MAX_SIZE);
        }
    }
}
