package com.storecrm.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import com.storecrm.crm.support.TwoTenants;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every lead endpoint, for every kind of caller, shows exactly what that caller may see. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadIsolationIT extends CrmIntegrationTest {

    private TwoTenants cast;
    private String leadA1;
    private String leadA2;
    private String leadA3;
    private String leadB1;

    @BeforeAll
    void createOneLeadPerStore() {
        cast = new TwoTenants(FIXTURES, TOKENS, "iso");
        leadA1 = create(cast.rep1, cast.a1, "In store one");
        leadA2 = create(cast.rep2, cast.a2, "In store two");
        leadA3 = create(cast.hq, cast.a3, "In store three");
        leadB1 = create(cast.repB, cast.b1, "Other tenant");
    }

    static Stream<Arguments> callers() {
        return Stream.of(
                Arguments.of("rep1", Set.of("A1")),
                Arguments.of("rep2", Set.of("A2")),
                Arguments.of("manager", Set.of("A1", "A2")),
                Arguments.of("hq", Set.of("A1", "A2", "A3")),
                Arguments.of("admin", Set.of("A1", "A2", "A3")),
                Arguments.of("repB", Set.of("B1")),
                Arguments.of("adminB", Set.of("B1")));
    }

    @ParameterizedTest(name = "{0} lists and reads exactly {1}")
    @MethodSource("callers")
    void seesExactlyTheLeadsOfItsStores(String who, Set<String> visible) {
        String bearer = bearer(who);
        Map<String, String> all = Map.of("A1", leadA1, "A2", leadA2, "A3", leadA3, "B1", leadB1);

        Api.Response list = api().get("/api/leads?size=200", bearer);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        Set<String> listed = new HashSet<>();
        for (JsonNode lead : list.json().get("content")) {
            listed.add(lead.get("id").asString());
        }
        Set<String> expected = new HashSet<>();
        visible.forEach(key -> expected.add(all.get(key)));
        assertThat(listed).containsAll(expected);
        all.forEach((key, id) -> {
            if (!visible.contains(key)) {
                assertThat(listed).as("%s must not list %s", who, key).doesNotContain(id);
            }
        });

        all.forEach((key, id) -> {
            Api.Response one = api().get("/api/leads/" + id, bearer);
            if (visible.contains(key)) {
                assertThat(one.status()).as("%s reads %s: %s", who, key, one).isEqualTo(200);
                assertThat(one.json().get("id").asString()).isEqualTo(id);
            } else {
                assertThat(one.status()).as("%s reads %s: %s", who, key, one).isEqualTo(404);
                assertThat(one.isProblem()).isTrue();
                assertThat(one.json().get("detail").asString()).isEqualTo("lead not found");
                assertThat(one.body()).doesNotContain("In store", "Other tenant", "storeId");
            }
        });
    }

    @Test
    void filteringByAForeignStoreShowsNothing() {
        Api.Response response = api().get("/api/leads?storeId=" + cast.a2, cast.rep1);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("totalElements").asLong()).isZero();
        Api.Response crossTenant = api().get("/api/leads?storeId=" + cast.b1, cast.admin);
        assertThat(crossTenant.json().get("totalElements").asLong()).isZero();
    }

    @Test
    void refusesToCreateALeadInAStoreTheCallerDoesNotWorkIn() {
        long before = count(cast.hq);
        for (UUID foreign : new UUID[] {cast.a2, cast.b1, UUID.randomUUID()}) {
            Api.Response response = api().post("/api/leads", cast.rep1, Map.of("storeId", foreign.toString(), "name", "X"));
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("storeId");
        }
        Api.Response crossTenant = api().post("/api/leads", cast.admin, Map.of("storeId", cast.b1.toString(), "name", "X"));
        assertThat(crossTenant.status()).isEqualTo(400);
        assertThat(count(cast.hq)).isEqualTo(before);
    }

    @Test
    void aRoleThatDoesNotWorkLeadsIsForbiddenEverywhere() {
        assertThat(api().get("/api/leads", cast.finance).status()).isEqualTo(403);
        assertThat(api().get("/api/leads/" + leadA1, cast.finance).status()).isEqualTo(403);
        Api.Response create = api().post("/api/leads", cast.finance, Map.of("storeId", cast.a1.toString(), "name", "X"));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.isProblem()).isTrue();
    }

    @Test
    void aLeadCreatedByARepIsPendingAndOwnedByTheRep() {
        Api.Response created = api().post("/api/leads", cast.rep1, Map.of("storeId", cast.a1.toString(), "name", "Mine",
                "company", "Pallet Buyer Ltd", "phone", "+86 138 0000 0000", "email", "buyer@example.com"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode lead = created.json();
        assertThat(lead.get("status").asString()).isEqualTo("PENDING");
        assertThat(lead.get("ownerId").asString()).isEqualTo(lead.get("createdBy").asString());
        assertThat(lead.get("storeId").asString()).isEqualTo(cast.a1.toString());
        assertThat(lead.get("createdAt").asString()).isNotBlank();
    }

    private String bearer(String who) {
        return switch (who) {
            case "rep1" -> cast.rep1;
            case "rep2" -> cast.rep2;
            case "manager" -> cast.manager;
            case "hq" -> cast.hq;
            case "admin" -> cast.admin;
            case "repB" -> cast.repB;
            case "adminB" -> cast.adminB;
            default -> throw new IllegalArgumentException(who);
        };
    }

    private long count(String bearer) {
        return api().get("/api/leads?size=1", bearer).json().get("totalElements").asLong();
    }

    private String create(String bearer, UUID store, String name) {
        Api.Response response = api().post("/api/leads", bearer, Map.of("storeId", store.toString(), "name", name));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asString();
    }
}
