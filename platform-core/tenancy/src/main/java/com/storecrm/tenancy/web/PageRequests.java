package com.storecrm.tenancy.web;

import java.util.Map;
import java.util.function.Function;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Turns {@code page}, {@code size} and {@code sort=field,dir} into a page request, accepting only the
 * sortable fields a feature names, so a client can never sort by an unindexed or hidden column.
 */
public final class PageRequests {

    private PageRequests() {
    }

    /** @param sortable API field name to entity property */
    public static Pageable of(int page, int size, String sort, Map<String, String> sortable, Sort fallback) {
        PageBounds.check(page, size);
        return PageRequest.of(page, size, sort == null || sort.isBlank() ? fallback : parse(sort, sortable));
    }

    /** The contract's list shape of a Spring Data page. */
    public static <E, T> PageResponse<T> response(Page<E> page, Function<E, T> mapper) {
        return new PageResponse<>(page.getContent().stream().map(mapper).toList(), page.getNumber(),
                page.getSize(), page.getTotalElements());
    }

    private static Sort parse(String sort, Map<String, String> sortable) {
        String[] parts = sort.split(",");
        String property = parts.length == 0 ? null : sortable.get(parts[0].trim());
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
