package com.storecrm.tenancy.web;

import java.util.List;

/** The list shape of the API contract: {@code {content, page, size, totalElements}}. */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements) {
}
