package com.storecrm.crm.lead;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A default view of SPEC §3.2 narrowed by filters; the same query serves the list and the export.
 *
 * @param customFields query parameters {@code cf.<key>[.min|.max|.from|.to]} to their values
 */
public record LeadQuery(LeadViewName view, List<LeadStatus> statuses, List<String> sources, UUID ownerId,
                        UUID storeId, Instant createdFrom, Instant createdTo, Instant updatedFrom, Instant updatedTo,
                        Map<String, String> customFields) {

    public LeadQuery {
        view = view == null ? LeadViewName.all : view;
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        sources = sources == null ? List.of() : List.copyOf(sources);
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    public static LeadQuery of(LeadStatus status, UUID storeId) {
        return new LeadQuery(LeadViewName.all, status == null ? List.of() : List.of(status), List.of(), null, storeId,
                null, null, null, null, Map.of());
    }
}
