package com.storecrm.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.Api;
import com.storecrm.devstack.TenantFixtures;
import com.storecrm.devstack.TokenMinter;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.catalog.ProvisionedTenant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One tenant whose store 1 has two reps, a store manager and a finance clerk, plus HQ and the tenant
 * administrator; store 2 has a rep of its own. Users are known by id and by token.
 */
final class LeadCast {

    record User(UUID id, String bearer) {
    }

    final ProvisionedTenant tenant;
    final UUID store1;
    final UUID store2;
    final User rep;
    final User otherRep;
    final User repOfStore2;
    final User manager;
    final User hq;
    final User admin;
    final User finance;
    private final Api api;

    LeadCast(TenantFixtures fixtures, TokenMinter tokens, Api api, String slug) {
        this.api = api;
        tenant = fixtures.tenant(slug);
        store1 = tenant.stores().get(0).id();
        store2 = tenant.stores().get(1).id();
        rep = user(fixtures, tokens, "rep", PlatformRole.SALES_REP, List.of(store1));
        otherRep = user(fixtures, tokens, "other_rep", PlatformRole.SALES_REP, List.of(store1));
        repOfStore2 = user(fixtures, tokens, "rep_two", PlatformRole.SALES_REP, List.of(store2));
        manager = user(fixtures, tokens, "manager", PlatformRole.STORE_MANAGER, List.of(store1));
        hq = user(fixtures, tokens, "hq", PlatformRole.HQ_MANAGER, List.of());
        admin = new User(tenant.adminUserId(), tokens.forUser(tenant.slug(), tenant.adminUserId()).bearer());
        finance = user(fixtures, tokens, "finance", PlatformRole.FINANCE, List.of(store1));
    }

    private User user(TenantFixtures fixtures, TokenMinter tokens, String name, PlatformRole role, List<UUID> stores) {
        UUID id = fixtures.user(tenant, name, role, stores);
        return new User(id, tokens.forUser(tenant.slug(), id).bearer());
    }

    /** A new lead created by {@code by} in {@code store}; extra fields override the defaults. */
    JsonNode lead(User by, UUID store, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("storeId", store.toString());
        body.put("name", "Lead " + UUID.randomUUID());
        body.putAll(extra);
        Api.Response created = api.post("/api/leads", by.bearer(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    UUID lead(User by) {
        return UUID.fromString(lead(by, store1, Map.of()).get("id").asString());
    }

    JsonNode read(UUID lead, User as) {
        Api.Response response = api.get("/api/leads/" + lead, as.bearer());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    Api.Response act(UUID lead, String action, User as, Object body) {
        return api.post("/api/leads/" + lead + "/" + action, as.bearer(), body);
    }

    static Map<String, Object> reason(String why) {
        return Map.of("reason", why);
    }

    static Map<String, Object> call(String result, String nextFollowUpOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "CALL");
        body.put("result", result);
        if (nextFollowUpOn != null) {
            body.put("nextFollowUpOn", nextFollowUpOn);
        }
        return body;
    }
}
