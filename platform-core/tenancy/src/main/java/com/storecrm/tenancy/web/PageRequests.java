package com.storecrm.tenancy.web;

import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Turns {@code page}, {@code size} and {@code sort=field,dir} into a page request, accepting only the
 * sortable fields a feature names, so a client can never sort by an unindexed or hidden column.
 */
public final class PageRequests {

    public static final int MAX_SIZE = 200;

    private PageRequests() {
    }

    /** @param sortable API field name to entity property */
    public static Pageable of(int page, int size, String sort, Map<String, String> sortable, Sort fallback) {
        if (page < 0) {
            throw ApiProblem.invalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiProblem.invalidField("size", "must be between 1 and " + MAX_SIZE);
        }
        return PageRequest.of(page, size, sort == null || sort.isBlank() ? fallback : parse(sort, sortable));
    }

    private static Sort parse(String sort, Map<String, String> sortable) {
        String[] parts = sort.split(",");
        String property = sortable.get(parts[0].trim());
        if (property == null || parts.length > 2) {
            throw ApiProblem.invalidField("sort", "must be one of " + String.join(", ", sortable.keySet())
                    + ", optionally followed by ,asc or ,desc");
        }
        Sort.Direction direction = Sort.Direction.ASC;
        if (parts.length == 2) {
            direction = Sort.Direction.fromOptionalString(parts[1].trim())
                    .orElseThrow(() -> ApiProblem.invalidField("sort", "direction must be asc or desc"));
        }
        return Sort.by(direction, property).and(Sort.by("id"));
    }
}
