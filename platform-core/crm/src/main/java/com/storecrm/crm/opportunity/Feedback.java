package com.storecrm.crm.opportunity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** An opportunity's stage feedback: field to text, kept as jsonb. */
final class Feedback {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Feedback() {
    }

    static Map<String, Object> read(String json) {
        return json == null ? Map.of() : JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    static String merge(String json, Map<String, String> added) {
        Map<String, Object> all = new TreeMap<>(read(json));
        if (added != null) {
            added.forEach((key, value) -> {
                if (value == null || value.isBlank()) {
                    all.remove(key);
                } else {
                    all.put(key, value.strip());
                }
            });
        }
        return JSON.writeValueAsString(all);
    }
}
