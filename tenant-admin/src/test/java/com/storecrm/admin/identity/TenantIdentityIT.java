package com.storecrm.admin.identity;

import static com.storecrm.admin.TenantRequests.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.admin.AdminApi;
import com.storecrm.admin.TenantAdminIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenant identity API as a tenant administrator's script uses it: users with roles and stores,
 * API clients acting as one user, and the refusals that keep tenants and roles apart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIdentityIT extends TenantAdminIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient owner = JdbcClient.create(DATABASE.ownerDataSource());

    /** Two tenants of this class, onboarded once; tests add users with unique names. */
    private Tenant a;
    private Tenant b;

    @BeforeAll
    void onboardTwoTenants() {
        a = onboard("ident_a");
        b = onboard("ident_b");
    }

    @Test
    void theAdminCreatesUsersWithRolesAndStoresAndListsThem() {
        String manager = unique("manager");
        String hq = unique("hq");
        String rep = unique("rep");

        AdminApi.Response managerCreated = createUser(a, user(manager, List.of("STORE_MANAGER", "FINANCE"),
                List.of(a.store(0), a.store(1)), null));
        assertThat(managerCreated.status()).as(managerCreated.toString()).isEqualTo(201);
        String managerId = managerCreated.json().get("id").asString();
        assertThat(UUID.fromString(managerId)).isNotNull();

        AdminApi.Response hqCreated = createUser(a, user(hq, List.of("HQ_MANAGER"), List.of(), null));
        assertThat(hqCreated.status()).as("an HQ manager sees every store, so needs none: " + hqCreated).isEqualTo(201);

        AdminApi.Response repCreated = createUser(a, user(rep, List.of("SALES_REP"), List.of(a.store(1)), managerId));
        assertThat(repCreated.status()).as(repCreated.toString()).isEqualTo(201);
        String repId = repCreated.json().get("id").asString();

        AdminApi.Response list = api().get("/api/tenant/users?size=200", a.adminToken());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().get("totalElements").asLong()).isEqualTo(usersOf(a));

        JsonNode managerView = find(list, manager);
        assertThat(managerView.get("id").asString()).isEqualTo(managerId);
        assertThat(managerView.get("displayName").asString()).isEqualTo("Display " + manager);
        assertThat(managerView.get("enabled").asBoolean()).isTrue();
        assertThat(strings(managerView.get("roles"))).containsExactlyInAnyOrder("STORE_MANAGER", "FINANCE");
        assertThat(strings(managerView.get("storeIds"))).containsExactlyInAnyOrder(a.store(0), a.store(1));

        JsonNode hqView = find(list, hq);
        assertThat(strings(hqView.get("roles"))).containsExactly("HQ_MANAGER");
        assertThat(strings(hqView.get("storeIds"))).isEmpty();

        JsonNode repView = find(list, rep);
        assertThat(repView.get("id").asString()).isEqualTo(repId);
        assertThat(strings(repView.get("roles"))).containsExactly("SALES_REP");
        assertThat(strings(repView.get("storeIds"))).containsExactly(a.store(1));
        assertThat(repView.get("superiorId").asString()).isEqualTo(managerId);

        assertThat(find(list, "admin").get("id").asString()).isEqualTo(a.adminUserId());
        assertThat(strings(find(list, "admin").get("roles"))).contains("TENANT_ADMIN");
    }

    @Test
    void aDuplicateUsernameIsAConflict() {
        String name = unique("twice");
        assertThat(createUser(a, user(name, List.of("SALES_REP"), List.of(a.store(0)), null)).status()).isEqualTo(201);
        long before = usersOf(a);

        AdminApi.Response again = createUser(a, user(name, List.of("MARKETING"), List.of(a.store(2)), null));

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("status").asInt()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains(name);
        assertThat(usersOf(a)).isEqualTo(before);
        assertThat(rolesOf(a, name)).containsExactly("SALES_REP");

        AdminApi.Response sameNameElsewhere = createUser(b, user(name, List.of("SALES_REP"), List.of(b.store(0)), null));
        assertThat(sameNameElsewhere.status()).as("usernames are unique per tenant only: " + sameNameElsewhere)
                .isEqualTo(201);
    }

    @Test
    void theAdminChangesASuperiorButNeverIntoACycle() {
        String top = created(a, unique("top"));
        String middle = created(a, unique("middle"));
        String bottom = created(a, unique("bottom"));
        assertThat(changeSuperior(a.adminToken(), middle, top).status()).isEqualTo(204);
        assertThat(changeSuperior(a.adminToken(), bottom, middle).status()).isEqualTo(204);
        assertThat(superiorOf(bottom)).isEqualTo(middle);

        assertInvalidChange(changeSuperior(a.adminToken(), top, bottom), "a cycle through two others");
        assertInvalidChange(changeSuperior(a.adminToken(), top, top), "the user themself");
        assertInvalidChange(changeSuperior(a.adminToken(), top, b.adminUserId()), "a user of another tenant");
        assertThat(superiorOf(top)).isNull();

        assertThat(changeSuperior(a.adminToken(), bottom, null).status()).isEqualTo(204);
        assertThat(superiorOf(bottom)).isNull();
        assertThat(changeSuperior(a.adminToken(), top, bottom).status()).as("no cycle once the chain is cut")
                .isEqualTo(204);
        assertThat(changeSuperior(b.adminToken(), middle, null).status()).as("another tenant's user").isEqualTo(404);
        assertThat(superiorOf(middle)).isEqualTo(top);
        String rep = created(a, unique("plain_rep"));
        JsonNode client = issueClient(a, rep);
        AdminApi.Response repToken = api().token(client.get("clientId").asString(),
                client.get("clientSecret").asString());
        assertThat(changeSuperior(api().bearerOf(repToken), middle, null).status()).isEqualTo(403);
    }

    private String created(Tenant tenant, String name) {
        AdminApi.Response response = createUser(tenant, user(name, List.of("SALES_REP"), List.of(tenant.store(0)), null));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private AdminApi.Response changeSuperior(String token, String user, String superior) {
        Map<String, Object> body = new HashMap<>();
        body.put("superiorId", superior);
        return api().put("/api/tenant/users/" + user + "/superior", token, body);
    }

    private JsonNode issueClient(Tenant tenant, String userId) {
        AdminApi.Response issued = api().post("/api/tenant/api-clients", tenant.adminToken(), Map.of("userId", userId));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json();
    }

    private String superiorOf(String user) {
        return owner.sql("select cast(superior_id as text) from public.app_user where id = cast(:id as uuid)")
                .param("id", user).query(String.class).optional().orElse(null);
    }

    private static void assertInvalidChange(AdminApi.Response response, String why) {
        assertThat(response.status()).as(why + ": " + response).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("superiorId");
    }

    @Nested
    class RefusesInvalidInput {

        @Test
        void aStoreOfAnotherTenant() {
            assertInvalid(user(unique("foreign_store"), List.of("SALES_REP"), List.of(b.store(0)), null), "storeIds[0]");
            assertInvalid(user(unique("foreign_store"), List.of("SALES_REP"), List.of(a.store(0), b.store(1)), null),
                    "storeIds[1]");
            assertInvalid(user(unique("no_store"), List.of("SALES_REP"), List.of(UUID.randomUUID().toString()), null),
                    "storeIds[0]");
        }

        @Test
        void aStoreBoundRoleWithoutStores() {
            assertInvalid(user(unique("storeless"), List.of("SALES_REP"), null, null), "storeIds");
            assertInvalid(user(unique("storeless"), List.of("SALES_REP"), List.of(), null), "storeIds");
            assertInvalid(user(unique("storeless"), List.of("STORE_MANAGER", "FINANCE"), List.of(), null), "storeIds");
        }

        @Test
        void aSuperiorOfAnotherTenant() {
            assertInvalid(user(unique("foreign_boss"), List.of("SALES_REP"), List.of(a.store(0)), b.adminUserId()),
                    "superiorId");
            assertInvalid(user(unique("ghost_boss"), List.of("SALES_REP"), List.of(a.store(0)),
                    UUID.randomUUID().toString()), "superiorId");
        }

        @Test
        void anUnknownRole() {
            AdminApi.Response response = assertInvalid(
                    user(unique("king"), List.of("KING"), List.of(a.store(0)), null), null);
            assertThat(response.json().get("errors").get(0).get("field").asString()).startsWith("roles");
        }

        @Test
        void aShortPassword() {
            Map<String, Object> request = user(unique("shortpw"), List.of("SALES_REP"), List.of(a.store(0)), null);
            request.put("password", "short");
            assertInvalid(request, "password");
        }

        @Test
        void noRolesAndABadUsername() {
            assertInvalid(user(unique("roleless"), List.of(), List.of(a.store(0)), null), "roles");
            assertInvalid(user("Has Spaces", List.of("SALES_REP"), List.of(a.store(0)), null), "username");
        }

        private AdminApi.Response assertInvalid(Map<String, Object> request, String field) {
            long before = usersOf(a);

            AdminApi.Response response = createUser(a, request);

            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("errors").isArray()).as(response.toString()).isTrue();
            if (field != null) {
                assertThat(response.json().get("errors").get(0).get("field").asString()).as(response.toString())
                        .isEqualTo(field);
            }
            assertThat(usersOf(a)).as("a refused request leaves no user behind").isEqualTo(before);
            assertThat(count("select count(*) from public.app_user where tenant_id = '" + a.id()
                    + "' and username = '" + request.get("username") + "'")).isZero();
            return response;
        }
    }

    @Nested
    class IssuingApiClients {

        @Test
        void anIssuedClientActsAsItsUserWithTheTenantClaimsAndAudiences() {
            String rep = unique("rep_client");
            String repId = createUser(a, user(rep, List.of("SALES_REP"), List.of(a.store(0)), null)).json().get("id").asString();

            AdminApi.Response issued = api().post("/api/tenant/api-clients", a.adminToken(), Map.of("userId", repId));

            assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
            String clientId = issued.json().get("clientId").asString();
            String secret = issued.json().get("clientSecret").asString();
            assertThat(clientId).startsWith(a.slug() + "-");
            assertThat(secret).isNotBlank();
            assertThat(count("select count(*) from public.api_client where client_id = '" + clientId
                    + "' and user_id = '" + repId + "' and tenant_id = '" + a.id() + "'")).isEqualTo(1);

            AdminApi.Response token = api().token(clientId, secret);
            assertThat(token.status()).as(token.toString()).isEqualTo(200);
            JsonNode claims = AdminApi.claimsOf(token.json().get("access_token").asString());
            assertThat(claims.get("tenant").asString()).isEqualTo(a.slug());
            assertThat(claims.get("uid").asString()).isEqualTo(repId);
            assertThat(claims.get("sub").asString()).isEqualTo(rep + "@" + a.slug());
            assertThat(strings(claims.get("aud"))).contains("crm", "analytics", "tenant-admin");
            assertThat(scopes(claims.get("scope"))).contains("crm");
            assertThat(api().token(clientId, "not-the-secret").status()).isEqualTo(401);
        }

        @Test
        void anIssuedTokenCanBeIntrospectedAndRevokedLater() {
            // The authorization is stored with its claims and read back here: the claim values must survive that.
            String repId = createUser(a, user(unique("rep_revoke"), List.of("SALES_REP"), List.of(a.store(0)), null))
                    .json().get("id").asString();
            JsonNode issued = api().post("/api/tenant/api-clients", a.adminToken(), Map.of("userId", repId)).json();
            String clientId = issued.get("clientId").asString();
            String secret = issued.get("clientSecret").asString();
            String accessToken = api().token(clientId, secret).json().get("access_token").asString();

            AdminApi.Response introspected = api().form("/oauth2/introspect", clientId, secret, "token=" + accessToken);
            assertThat(introspected.status()).as(introspected.toString()).isEqualTo(200);
            assertThat(introspected.json().get("active").asBoolean()).isTrue();
            assertThat(introspected.json().get("tenant").asString()).isEqualTo(a.slug());
            assertThat(strings(introspected.json().get("aud"))).contains("crm", "analytics", "tenant-admin");

            AdminApi.Response revoked = api().form("/oauth2/revoke", clientId, secret, "token=" + accessToken);
            assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
            AdminApi.Response afterwards = api().form("/oauth2/introspect", clientId, secret, "token=" + accessToken);
            assertThat(afterwards.status()).as(afterwards.toString()).isEqualTo(200);
            assertThat(afterwards.json().get("active").asBoolean()).isFalse();
        }

        @Test
        void aNonAdministratorMayNotManageUsersOrClients() {
            String rep = unique("plain_rep");
            String repId = createUser(a, user(rep, List.of("SALES_REP"), List.of(a.store(0)), null)).json().get("id").asString();
            JsonNode issued = api().post("/api/tenant/api-clients", a.adminToken(), Map.of("userId", repId)).json();
            String repToken = api().bearerOf(api().token(issued.get("clientId").asString(),
                    issued.get("clientSecret").asString()));
            long users = usersOf(a);
            long clients = clientsOf(a);

            AdminApi.Response createUser = createUser(repToken,
                    user(unique("by_rep"), List.of("TENANT_ADMIN"), List.of(), null));
            AdminApi.Response createClient = api().post("/api/tenant/api-clients", repToken, Map.of("userId", repId));
            AdminApi.Response listUsers = api().get("/api/tenant/users", repToken);

            assertThat(createUser.status()).as(createUser.toString()).isEqualTo(403);
            assertThat(createUser.contentType()).startsWith("application/problem+json");
            assertThat(createClient.status()).as(createClient.toString()).isEqualTo(403);
            assertThat(createClient.contentType()).startsWith("application/problem+json");
            assertThat(listUsers.status()).as(listUsers.toString()).isEqualTo(403);
            assertThat(usersOf(a)).isEqualTo(users);
            assertThat(clientsOf(a)).isEqualTo(clients);
        }

        @Test
        void aUserOfAnotherTenantIsNotFound() {
            long clientsOfA = clientsOf(a);
            long clientsOfB = clientsOf(b);

            AdminApi.Response foreign = api().post("/api/tenant/api-clients", a.adminToken(), Map.of("userId", b.adminUserId()));
            AdminApi.Response unknown = api().post("/api/tenant/api-clients", a.adminToken(),
                    Map.of("userId", UUID.randomUUID().toString()));

            assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
            assertThat(foreign.contentType()).startsWith("application/problem+json");
            assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
            assertThat(foreign.json().get("detail").asString())
                    .as("the refusal is indistinguishable from a user that does not exist")
                    .isEqualTo(unknown.json().get("detail").asString());
            assertThat(clientsOf(a)).isEqualTo(clientsOfA);
            assertThat(clientsOf(b)).isEqualTo(clientsOfB);
        }

        @Test
        void aMissingUserIdIsInvalid() {
            AdminApi.Response response = api().post("/api/tenant/api-clients", a.adminToken(), Map.of());
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("userId");
        }
    }

    @Nested
    class TenantIsolation {

        @Test
        void anAdministratorSeesOnlyTheUsersOfTheirOwnTenant() {
            String onlyInA = unique("only_in_a");
            String idInA = createUser(a, user(onlyInA, List.of("SALES_REP"), List.of(a.store(0)), null)).json().get("id").asString();

            AdminApi.Response seenByB = api().get("/api/tenant/users?size=200", b.adminToken());

            assertThat(seenByB.status()).isEqualTo(200);
            assertThat(seenByB.json().get("totalElements").asLong()).isEqualTo(usersOf(b));
            List<String> usernames = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            seenByB.json().get("content").forEach(u -> {
                usernames.add(u.get("username").asString());
                ids.add(u.get("id").asString());
            });
            assertThat(usernames).doesNotContain(onlyInA);
            assertThat(ids).doesNotContain(idInA, a.adminUserId()).contains(b.adminUserId());
            seenByB.json().get("content").forEach(u -> assertThat(strings(u.get("storeIds")))
                    .allSatisfy(store -> assertThat(b.stores()).contains(store)));
        }

        @Test
        void withoutAValidTenantTokenNothingIsServed() {
            assertThat(api().get("/api/tenant/users", null).status()).isEqualTo(401);
            assertThat(api().get("/api/tenant/users", "Bearer not-a-token").status()).isEqualTo(401);
            assertThat(createUser("Bearer not-a-token", user(unique("anon"), List.of("SALES_REP"),
                    List.of(a.store(0)), null)).status()).isEqualTo(401);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private record Tenant(String id, String slug, String adminUserId, String adminToken, List<String> stores) {

        String store(int index) {
            return stores.get(index);
        }
    }

    private Tenant onboard(String prefix) {
        String slug = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        AdminApi.Response created = api().post("/api/platform/tenants", api().operatorToken(), tenant(slug));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        List<String> stores = new ArrayList<>();
        body.get("subsidiaries").forEach(s -> s.get("stores").forEach(st -> stores.add(st.get("id").asString())));
        JsonNode client = body.get("adminClient");
        AdminApi.Response token = api().token(client.get("clientId").asString(), client.get("clientSecret").asString());
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        return new Tenant(body.get("id").asString(), slug, body.get("adminUserId").asString(), api().bearerOf(token),
                List.copyOf(stores));
    }

    private static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> user(String username, List<String> roles, List<String> storeIds, String superiorId) {
        Map<String, Object> request = new HashMap<>();
        request.put("username", username);
        request.put("displayName", "Display " + username);
        request.put("password", "password-of-" + username);
        request.put("roles", roles);
        request.put("storeIds", storeIds);
        request.put("superiorId", superiorId);
        return request;
    }

    private AdminApi.Response createUser(Tenant tenant, Map<String, Object> request) {
        return createUser(tenant.adminToken(), request);
    }

    private AdminApi.Response createUser(String token, Map<String, Object> request) {
        return api().post("/api/tenant/users", token, JSON.writeValueAsString(request));
    }

    private static JsonNode find(AdminApi.Response list, String username) {
        for (JsonNode user : list.json().get("content")) {
            if (user.get("username").asString().equals(username)) {
                return user;
            }
        }
        throw new AssertionError("no user " + username + " in " + list);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> values.add(v.asString()));
        } else if (array != null && !array.isNull()) {
            values.add(array.asString());
        }
        return values;
    }

    private static List<String> scopes(JsonNode scope) {
        return scope.isArray() ? strings(scope) : List.of(scope.asString().split(" "));
    }


    private long usersOf(Tenant tenant) {
        return count("select count(*) from public.app_user where tenant_id = '" + tenant.id() + "'");
    }

    private long clientsOf(Tenant tenant) {
        return count("select count(*) from public.api_client where tenant_id = '" + tenant.id() + "'");
    }

    private List<String> rolesOf(Tenant tenant, String username) {
        return owner.sql("""
                select r.role from public.user_role r join public.app_user u on u.id = r.user_id
                where u.tenant_id = cast(:tenant as uuid) and u.username = :username order by r.role""")
                .param("tenant", tenant.id()).param("username", username).query(String.class).list();
    }

    private long count(String sql) {
        return owner.sql(sql).query(Long.class).single();
    }
}
