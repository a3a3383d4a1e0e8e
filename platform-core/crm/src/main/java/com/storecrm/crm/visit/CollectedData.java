package com.storecrm.crm.visit;

import com.storecrm.tenancy.web.ApiProblem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The data a visit collects (visit manual 3.4.1 data collection): flat fields of text, number or yes/no. */
final class CollectedData {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,39}");

    private CollectedData() {
    }

    static String write(Map<String, Object> values) {
        Map<String, Object> checked = new TreeMap<>();
        if (values != null) {
            values.forEach((key, value) -> {
                if (!KEY.matcher(key).matches()) {
                    throw ApiProblem.invalidField("collectedData", "key '" + key + "' must be a letter followed by "
                            + "up to 39 letters, digits or underscores");
                }
                if (value != null && !(value instanceof String s && s.length() <= 2000)
                        && !(value instanceof Number) && !(value instanceof Boolean)) {
                    throw ApiProblem.invalidField("collectedData." + key, "must be text (up to 2000 characters), "
                            + "a number or true/false");
                }
                checked.put(key, value);
            });
        }
        return JSON.writeValueAsString(checked);
    }

    static Map<String, Object> read(String json) {
        return json == null ? Map.of() : JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }
}
