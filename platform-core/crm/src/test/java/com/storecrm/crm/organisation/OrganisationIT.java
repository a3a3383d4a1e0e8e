package com.storecrm.crm.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import com.storecrm.crm.support.StoreCast;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The organisation API: only the tenant administrator changes it, and every bad change is refused with its field. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationIT extends CrmIntegrationTest {

    private StoreCast cast;

    @BeforeAll
    void cast() {
        cast = new StoreCast(FIXTURES, TOKENS, "org_api");
    }

    @Test
    void onlyTheTenantAdministratorChangesTheOrganisation() {
        for (StoreCast.User notAdmin : List.of(cast.rep, cast.manager, cast.hq, cast.finance)) {
            assertThat(api().post("/api/departments", notAdmin.bearer(), Map.of("name", "Mine")).status())
                    .isEqualTo(403);
            assertThat(api().post("/api/user-groups", notAdmin.bearer(), Map.of("name", "Mine")).status())
                    .isEqualTo(403);
            assertThat(api().get("/api/sharing-rules", notAdmin.bearer()).status()).isEqualTo(403);
            assertThat(api().put("/api/organisation/settings", notAdmin.bearer(),
                    Map.of("headsSeeChildDepartments", false)).status()).isEqualTo(403);
        }
        String department = department("Readable", null, null);
        assertThat(ids(api().get("/api/departments", cast.rep.bearer()))).contains(department);
        assertThat(ids(api().get("/api/departments", cast.otherTenantAdmin.bearer()))).doesNotContain(department);
        String stranger = cast.otherTenantAdmin.bearer();
        assertThat(api().put("/api/departments/" + department, stranger, Map.of("name", "Taken over")).status())
                .isEqualTo(404);
        assertThat(api().post("/api/departments/" + department + "/members", stranger,
                Map.of("userIds", List.of(cast.otherTenantAdmin.id().toString()))).status()).isEqualTo(404);
        assertThat(api().delete("/api/departments/" + department, stranger).status()).isEqualTo(404);
        assertThat(ids(api().get("/api/departments", cast.admin.bearer()))).as("untouched").contains(department);
        assertThat(api().get("/api/departments", "Bearer not-a-token").status()).isEqualTo(401);
    }

    @Test
    void departmentsNameTheirBadFields() {
        String parent = department("Parents", null, null);
        assertField(api().post("/api/departments", admin(), Map.of("name", "  ")), "name");
        assertField(api().post("/api/departments", admin(), Map.of("name", "PARENTS")), "name");
        assertField(api().post("/api/departments", admin(), Map.of("name", "Orphan", "parentId",
                UUID.randomUUID().toString())), "parentId");
        assertField(api().post("/api/departments", admin(), Map.of("name", "Headless", "headId",
                UUID.randomUUID().toString())), "headId");
        assertField(api().post("/api/departments", admin(), Map.of("name", "Foreign head", "headId",
                cast.otherTenantAdmin.id().toString())), "headId");
        assertField(api().post("/api/departments", admin(), Map.of("name", "Bad id", "parentId", "nope")), "parentId");

        String child = department("Children", parent, cast.manager.id());
        String grandChild = department("Grandchildren", child, null);
        assertField(api().put("/api/departments/" + parent, admin(), Map.of("name", "Parents", "parentId", grandChild)),
                "parentId");
        assertField(api().put("/api/departments/" + parent, admin(), Map.of("name", "Parents", "parentId", parent)),
                "parentId");
        Api.Response renamed = api().put("/api/departments/" + grandChild, admin(), Map.of("name", "Grandkids",
                "parentId", parent));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("parentId").asString()).isEqualTo(parent);
        assertThat(api().put("/api/departments/" + UUID.randomUUID(), admin(), Map.of("name", "Ghost")).status())
                .isEqualTo(404);
    }

    @Test
    void aUserHasOnePrimaryDepartmentAndADepartmentInUseIsKept() {
        String first = department("First floor", null, null);
        String second = department("Second floor", null, null);
        assertThat(members(first, cast.rep.id(), cast.otherRep.id()).status()).isEqualTo(200);
        Api.Response moved = members(second, cast.rep.id());
        assertThat(moved.json().get("memberIds").valueStream().map(n -> n.asString()).toList())
                .containsExactly(cast.rep.id().toString());
        Map<String, List<String>> byDepartment = new HashMap<>();
        api().get("/api/departments", admin()).json().valueStream().forEach(d -> byDepartment.put(
                d.get("id").asString(), d.get("memberIds").valueStream().map(n -> n.asString()).toList()));
        assertThat(byDepartment.get(first)).containsExactly(cast.otherRep.id().toString());

        assertField(members(first, cast.otherTenantAdmin.id()), "userIds");
        assertThat(byDepartmentAfterRefusal(first)).containsExactly(cast.otherRep.id().toString());

        Api.Response inUse = api().delete("/api/departments/" + first, admin());
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.isProblem()).isTrue();
        assertThat(api().delete("/api/departments/" + first + "/members/" + cast.rep.id(), admin()).status())
                .as("the rep is in the second floor now").isEqualTo(404);
        assertThat(api().delete("/api/departments/" + first + "/members/" + cast.otherRep.id(), admin()).status())
                .isEqualTo(204);
        assertThat(api().delete("/api/departments/" + first, admin()).status()).isEqualTo(204);
        assertThat(api().delete("/api/departments/" + first, admin()).status()).isEqualTo(404);
    }

    @Test
    void sharingRulesAreCheckedAndUnique() {
        String department = department("Sharing source", null, null);
        Api.Response group = api().post("/api/user-groups", admin(), Map.of("name", "Sharing targets",
                "memberIds", List.of(cast.otherRep.id().toString())));
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        String groupId = group.json().get("id").asString();
        assertField(api().post("/api/user-groups", admin(), Map.of("name", "sharing TARGETS")), "name");
        assertField(api().post("/api/user-groups", admin(), Map.of("name", "Strangers",
                "memberIds", List.of(UUID.randomUUID().toString()))), "memberIds");

        Map<String, Object> rule = rule("LEAD", "DEPARTMENT", department, "GROUP", groupId, "READ");
        Api.Response created = api().post("/api/sharing-rules", admin(), rule);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(api().post("/api/sharing-rules", admin(), rule).status()).isEqualTo(409);
        assertThat(api().post("/api/sharing-rules", admin(), rule("ACCOUNT", "DEPARTMENT", department, "GROUP",
                groupId, "READ")).status()).as("another record type is another rule").isEqualTo(201);

        assertField(api().post("/api/sharing-rules", admin(), rule("LEAD", "USER",
                cast.otherTenantAdmin.id().toString(), "USER", cast.rep.id().toString(), "READ")), "source.id");
        assertField(api().post("/api/sharing-rules", admin(), rule("LEAD", "USER", cast.rep.id().toString(),
                "GROUP", UUID.randomUUID().toString(), "READ")), "target.id");
        assertField(api().post("/api/sharing-rules", admin(), rule("LEAD", "USER", cast.rep.id().toString(),
                "USER", cast.rep.id().toString(), "READ")), "target.id");
        Api.Response badKind = api().post("/api/sharing-rules", admin(), rule("INVOICE", "USER",
                cast.rep.id().toString(), "USER", cast.otherRep.id().toString(), "READ"));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.isProblem()).isTrue();

        assertThat(api().delete("/api/user-groups/" + groupId, admin()).status()).as("named by rules").isEqualTo(409);
        assertThat(api().delete("/api/departments/" + department, admin()).status()).isEqualTo(409);
        assertThat(api().delete("/api/sharing-rules/" + created.json().get("id").asString(), admin()).status())
                .isEqualTo(204);
        assertThat(ids(api().get("/api/sharing-rules", admin()))).doesNotContain(created.json().get("id").asString());
        assertThat(ids(api().get("/api/sharing-rules", cast.otherTenantAdmin.bearer()))).isEmpty();
    }

    private List<String> byDepartmentAfterRefusal(String department) {
        return api().get("/api/departments", admin()).json().valueStream()
                .filter(d -> d.get("id").asString().equals(department)).findFirst().orElseThrow()
                .get("memberIds").valueStream().map(n -> n.asString()).toList();
    }

    private static Map<String, Object> rule(String type, String sourceKind, String source, String targetKind,
                                            String target, String access) {
        return Map.of("recordType", type, "source", Map.of("kind", sourceKind, "id", source),
                "target", Map.of("kind", targetKind, "id", target), "access", access);
    }

    private Api.Response members(String department, UUID... users) {
        return api().post("/api/departments/" + department + "/members", admin(),
                Map.of("userIds", List.of(users).stream().map(UUID::toString).toList()));
    }

    private String department(String name, String parent, UUID head) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("parentId", parent);
        body.put("headId", head);
        Api.Response created = api().post("/api/departments", admin(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String admin() {
        return cast.admin.bearer();
    }

    private static void assertField(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .as(response.toString()).contains(field);
    }

    private static List<String> ids(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().valueStream().map(n -> n.get("id").asString()).toList();
    }
}
