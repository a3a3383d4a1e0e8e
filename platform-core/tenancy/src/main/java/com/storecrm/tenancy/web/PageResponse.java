package com.storecrm.tenancy.web;

import java.util.List;

/**
 * The list shape of the API contract: {@code {content, page, size, totalElements}}, plus
 * {@code totalExact}: false when a very long list was counted only up to a cap, so that
 * {@code totalElements} is a lower bound ("10,000 or more") rather than the exact number.
 */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements, boolean totalExact) {

    public PageResponse(List<T> content, int page, int size, long totalElements) {
        this(content, page, size, totalElements, true);
    }
}
