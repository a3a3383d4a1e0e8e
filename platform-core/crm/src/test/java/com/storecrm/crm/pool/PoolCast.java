package com.storecrm.crm.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.Api;
import com.storecrm.devstack.TenantFixtures;
import com.storecrm.devstack.TokenMinter;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.catalog.ProvisionedTenant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * One tenant for the pool tests. Store 1: the pool administrator (a store manager), two member reps,
 * a rep who is in no pool, a finance clerk; store 2: a rep of its own. Users are known by id and token.
 */
public final class PoolCast {

    public record User(UUID id, String bearer) {
    }

    public final ProvisionedTenant tenant;
    public final UUID store1;
    public final UUID store2;
    public final User admin;
    public final User poolAdmin;
    public final User rep;
    public final User otherRep;
    public final User outsider;
    public final User finance;
    public final User repOfStore2;
    private final TenantFixtures fixtures;
    private final TokenMinter tokens;
    private final Api api;

    public PoolCast(TenantFixtures fixtures, TokenMinter tokens, Api api, String slug) {
        this.fixtures = fixtures;
        this.tokens = tokens;
        this.api = api;
        tenant = fixtures.tenant(slug);
        store1 = tenant.stores().get(0).id();
        store2 = tenant.stores().get(1).id();
        admin = new User(tenant.adminUserId(), tokens.forUser(tenant.slug(), tenant.adminUserId()).bearer());
        poolAdmin = user("pool_admin", PlatformRole.STORE_MANAGER, store1);
        rep = user("rep", PlatformRole.SALES_REP, store1);
        otherRep = user("other_rep", PlatformRole.SALES_REP, store1);
        outsider = user("outsider", PlatformRole.SALES_REP, store1);
        finance = user("finance", PlatformRole.FINANCE, store1);
        repOfStore2 = user("rep_two", PlatformRole.SALES_REP, store2);
    }

    public User user(String name, PlatformRole role, UUID store) {
        UUID id = fixtures.user(tenant, name, role, List.of(store));
        return new User(id, tokens.forUser(tenant.slug(), id).bearer());
    }

    /** A pool of store 1 administered by the pool admin with both member reps; extra settings override. */
    public UUID pool(Map<String, Object> settings) {
        return pool(settings, List.of(rep, otherRep));
    }

    public UUID pool(Map<String, Object> settings, List<User> members) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("storeId", store1.toString());
        body.put("name", "Pool " + UUID.randomUUID());
        body.put("type", "CLAIMABLE");
        body.put("adminIds", List.of(poolAdmin.id().toString()));
        body.put("memberIds", members.stream().map(m -> m.id().toString()).toList());
        body.putAll(settings);
        Api.Response created = api.post("/api/lead-pools", admin.bearer(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    /** Unassigned leads created into the pool by its administrator. */
    public List<UUID> leads(UUID pool, int count) {
        return new ArrayList<>(IntStream.range(0, count).mapToObj(i -> {
            Api.Response created = api.post("/api/leads", poolAdmin.bearer(), Map.of("storeId", store1.toString(),
                    "name", "Pool lead " + UUID.randomUUID(), "poolId", pool.toString()));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            return UUID.fromString(created.json().get("id").asString());
        }).toList());
    }

    public UUID lead(UUID pool) {
        return leads(pool, 1).get(0);
    }

    public Api.Response operate(UUID pool, String operation, User as, Map<String, Object> body) {
        return api.post("/api/lead-pools/" + pool + "/" + operation, as.bearer(), body);
    }

    public Api.Response claim(UUID pool, User as, List<UUID> leads) {
        return operate(pool, "claim", as, Map.of("leadIds", ids(leads)));
    }

    /** A batch that must answer 200; the body. */
    public JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    public JsonNode read(UUID lead) {
        Api.Response response = api.get("/api/leads/" + lead, admin.bearer());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    public static List<String> ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }

    /** leadId -> reason of every refusal in a batch answer. */
    public static Map<String, String> refusals(JsonNode answer) {
        Map<String, String> reasons = new LinkedHashMap<>();
        answer.get("refused").forEach(r -> reasons.put(r.get("leadId").asString(), r.get("reason").asString()));
        return reasons;
    }

    public static List<String> list(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
