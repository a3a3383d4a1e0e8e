package com.storecrm.bench;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A tenant the onboarding benchmark created: its admin API client and its stores. */
record BenchTenant(String slug, String clientId, String clientSecret, List<String> storeIds) {

    /** Reads the operator API's answer; throws when it lacks what the benchmarks need. */
    static BenchTenant from(JsonNode created, int expectedStores) {
        JsonNode client = created.path("adminClient");
        if (!client.path("clientId").isString() || !client.path("clientSecret").isString()) {
            throw new IllegalStateException("no admin client (id and secret) in " + created);
        }
        List<String> stores = new ArrayList<>();
        created.path("subsidiaries").forEach(subsidiary ->
                subsidiary.path("stores").forEach(store -> stores.add(store.path("id").asString())));
        if (stores.size() != expectedStores || stores.stream().anyMatch(String::isBlank)) {
            throw new IllegalStateException("expected " + expectedStores + " stores with ids in " + created);
        }
        return new BenchTenant(created.path("slug").asString(), client.path("clientId").asString(),
                client.path("clientSecret").asString(), List.copyOf(stores));
    }
}
