package com.storecrm.crm.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.catalog.ProvisionedTenant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §3.1 as one table: for every way a user can stand to a record (owner, superiors, related team,
 * sharing rules, responsible department head, colleagues, other store, other tenant, managers and the
 * administrator) and every record type, whether they read it (detail and list agree) and whether they
 * change it. Leads, customers and opportunities have the same related team, so one table serves all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordVisibilityIT extends CrmIntegrationTest {

    private final Map<String, User> users = new LinkedHashMap<>();
    private ProvisionedTenant tenant;
    private UUID store1;
    private String lead;
    private String account;
    private String opportunity;
    private String visit;
    private User otherTenantAdmin;

    record User(UUID id, String bearer) {
    }

    @BeforeAll
    void organisationAndRecords() {
        tenant = FIXTURES.tenant("org_vis");
        store1 = tenant.stores().get(0).id();
        UUID store2 = tenant.stores().get(1).id();
        for (String name : List.of("owner", "superior", "grandSuperior", "readTeam", "writeTeam", "teamSuperior",
                "sharedReader", "sharedWriter", "deptShared", "head", "colleague")) {
            users.put(name, user(name, PlatformRole.SALES_REP, List.of(store1)));
        }
        users.put("superiorInOtherStore", user("superiorInOtherStore", PlatformRole.SALES_REP, List.of(store2)));
        users.put("storeManager", user("storeManager", PlatformRole.STORE_MANAGER, List.of(store1)));
        users.put("admin", new User(tenant.adminUserId(), TOKENS.forUser(tenant.slug(), tenant.adminUserId()).bearer()));
        ProvisionedTenant other = FIXTURES.tenant("org_vis_x");
        otherTenantAdmin = new User(other.adminUserId(), TOKENS.forUser(other.slug(), other.adminUserId()).bearer());

        FIXTURES.superior(id("owner"), id("superior"));
        FIXTURES.superior(id("superior"), id("grandSuperior"));
        FIXTURES.superior(id("writeTeam"), id("teamSuperior"));
        FIXTURES.superior(id("colleague"), id("superiorInOtherStore"));

        String admin = bearer("admin");
        String sales = department(admin, "Sales", null, id("head"));
        String salesA = department(admin, "Sales A", sales, null);
        String east = department(admin, "East", null, null);
        members(admin, salesA, "owner", "colleague");
        members(admin, east, "deptShared");
        Api.Response partners = api().post("/api/user-groups", admin, Map.of("name", "Partners",
                "memberIds", List.of(id("sharedWriter"))));
        assertThat(partners.status()).as(partners.toString()).isEqualTo(201);
        for (RecordType type : RecordType.values()) {
            share(admin, type, "USER", id("owner").toString(), "USER", id("sharedReader").toString(), "READ");
            share(admin, type, "DEPARTMENT", salesA, "GROUP", partners.json().get("id").asString(), "READ_WRITE");
            share(admin, type, "USER", id("owner").toString(), "DEPARTMENT", east, "READ");
        }

        String owner = bearer("owner");
        Api.Response createdLead = api().post("/api/leads", owner, Map.of("storeId", store1.toString(),
                "name", "Visible lead", "relatedTeam", List.of(Map.of("userId", id("readTeam").toString(), "access", "READ"),
                        Map.of("userId", id("writeTeam").toString(), "access", "READ_WRITE"))));
        assertThat(createdLead.status()).as(createdLead.toString()).isEqualTo(201);
        assertThat(createdLead.json().get("ownerId").asString()).isEqualTo(id("owner").toString());
        lead = createdLead.json().get("id").asString();
        Api.Response createdAccount = api().post("/api/accounts", owner, Map.of("storeId", store1.toString(),
                "name", "Visible customer", "mobile", "+86 139 1234 0001"));
        assertThat(createdAccount.status()).as(createdAccount.toString()).isEqualTo(201);
        account = createdAccount.json().get("id").asString();
        List<Map<String, Object>> stages = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            stages.add(Map.of("name", "Stage " + i, "probability", 0.05));
        }
        Api.Response process = api().post("/api/sales-processes", admin, Map.of("name", "Long road", "stages", stages));
        assertThat(process.status()).as(process.toString()).isEqualTo(201);
        Api.Response createdOpportunity = api().post("/api/opportunities", owner, Map.of("accountId", account,
                "name", "Visible deal", "amount", 100, "salesProcessId", process.json().get("id").asString(),
                "expectedCloseDate", "2026-12-31"));
        assertThat(createdOpportunity.status()).as(createdOpportunity.toString()).isEqualTo(201);
        opportunity = createdOpportunity.json().get("id").asString();
        List<Map<String, String>> team = List.of(Map.of("userId", id("readTeam").toString(), "access", "READ"),
                Map.of("userId", id("writeTeam").toString(), "access", "READ_WRITE"));
        for (String path : List.of("/api/accounts/" + account, "/api/opportunities/" + opportunity)) {
            Api.Response teamSet = api().put(path + "/related-team", owner, Map.of("members", team));
            assertThat(teamSet.status()).as(teamSet.toString()).isEqualTo(200);
            assertThat(teamSet.json().size()).isEqualTo(2);
        }
        Api.Response plannedVisit = api().post("/api/visits", owner, Map.of("accountId", account, "kind", "PLANNED",
                "plannedAt", "2026-12-01T09:00:00Z", "coVisitorIds", List.of(id("readTeam").toString())));
        assertThat(plannedVisit.status()).as(plannedVisit.toString()).isEqualTo(201);
        visit = plannedVisit.json().get("id").asString();
    }

    /** Visits: the visitor owns, co-visitors are the related team (reading only), as with any record. */
    Stream<Arguments> visitReaders() {
        Map<String, Boolean> reads = new LinkedHashMap<>();
        for (String who : List.of("owner", "superior", "grandSuperior", "readTeam", "sharedReader", "sharedWriter",
                "deptShared", "head", "storeManager", "admin")) {
            reads.put(who, true);
        }
        for (String who : List.of("writeTeam", "teamSuperior", "colleague", "superiorInOtherStore",
                "otherTenantAdmin")) {
            reads.put(who, false);
        }
        return reads.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} reads the visit: {1}")
    @MethodSource("visitReaders")
    void readsVisitsByTheSameRules(String who, boolean reads) {
        User user = who.equals("otherTenantAdmin") ? otherTenantAdmin : users.get(who);
        Api.Response detail = api().get("/api/visits/" + visit, user.bearer());
        assertThat(detail.status()).as("read " + detail).isEqualTo(reads ? 200 : 404);
        assertThat(ids(api().get("/api/visits?size=200", user.bearer()))).as("in the list")
                .matches(listed -> listed.contains(visit) == reads);
    }

    /** who, record type, reads, changes: the same for every record type. */
    Stream<Arguments> matrix() {
        Map<String, boolean[]> can = new LinkedHashMap<>();
        can.put("owner", new boolean[] {true, true});
        can.put("superior", new boolean[] {true, true});
        can.put("grandSuperior", new boolean[] {true, true});
        can.put("readTeam", new boolean[] {true, false});
        can.put("writeTeam", new boolean[] {true, true});
        can.put("teamSuperior", new boolean[] {true, true});
        can.put("sharedReader", new boolean[] {true, false});
        can.put("sharedWriter", new boolean[] {true, true});
        can.put("deptShared", new boolean[] {true, false});
        can.put("head", new boolean[] {true, false});
        can.put("colleague", new boolean[] {false, false});
        can.put("superiorInOtherStore", new boolean[] {false, false});
        can.put("storeManager", new boolean[] {true, true});
        can.put("admin", new boolean[] {true, true});
        can.put("otherTenantAdmin", new boolean[] {false, false});
        List<Arguments> rows = new ArrayList<>();
        for (RecordType type : List.of(RecordType.LEAD, RecordType.ACCOUNT, RecordType.OPPORTUNITY)) {
            can.forEach((who, allowed) -> rows.add(Arguments.of(who, type, allowed[0], allowed[1])));
        }
        return rows.stream();
    }

    @Test
    void aRelatedTeamIsChangedOnlyByThoseWhoChangeTheRecordAndHoldsOnlyColleaguesOfItsStore() {
        Map<String, Object> readOnly = Map.of("members", List.of(Map.of("userId", id("colleague").toString(),
                "access", "READ")));
        for (String path : List.of("/api/accounts/" + account, "/api/opportunities/" + opportunity)) {
            assertThat(api().put(path + "/related-team", bearer("readTeam"), readOnly).status()).isEqualTo(403);
            assertThat(api().put(path + "/related-team", bearer("colleague"), readOnly).status()).isEqualTo(404);
            assertThat(api().put(path + "/related-team", otherTenantAdmin.bearer(), readOnly).status()).isEqualTo(404);
            Api.Response elsewhere = api().put(path + "/related-team", bearer("owner"), Map.of("members",
                    List.of(Map.of("userId", id("superiorInOtherStore").toString(), "access", "READ"))));
            assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(400);
            assertThat(elsewhere.json().get("errors").get(0).get("field").asString()).isEqualTo("members[0].userId");
            Api.Response twice = api().put(path + "/related-team", bearer("owner"), Map.of("members",
                    List.of(Map.of("userId", id("readTeam").toString(), "access", "READ"),
                            Map.of("userId", id("readTeam").toString(), "access", "READ_WRITE"))));
            assertThat(twice.status()).isEqualTo(400);
            Api.Response kept = api().get(path + "/related-team", bearer("readTeam"));
            assertThat(kept.status()).isEqualTo(200);
            assertThat(kept.json().valueStream().map(m -> m.get("userId").asString()).toList())
                    .as("refused changes left the team as it was")
                    .containsExactlyInAnyOrder(id("readTeam").toString(), id("writeTeam").toString());
        }
    }

    @ParameterizedTest(name = "{0} on a {1}: reads {2}, changes {3}")
    @MethodSource("matrix")
    void readsAndChangesExactlyAsTheOrganisationSays(String who, RecordType type, boolean reads, boolean changes) {
        User user = who.equals("otherTenantAdmin") ? otherTenantAdmin : users.get(who);
        String id = switch (type) {
            case LEAD -> lead;
            case ACCOUNT -> account;
            case OPPORTUNITY -> opportunity;
            case VISIT -> visit;
        };
        String collection = switch (type) {
            case LEAD -> "/api/leads";
            case ACCOUNT -> "/api/accounts";
            case OPPORTUNITY -> "/api/opportunities";
            case VISIT -> "/api/visits";
        };
        Api.Response detail = api().get(collection + "/" + id, user.bearer());
        assertThat(detail.status()).as("read " + detail).isEqualTo(reads ? 200 : 404);
        assertThat(ids(api().get(collection + "?size=200", user.bearer()))).as("in the list")
                .matches(listed -> listed.contains(id) == reads);

        Api.Response change = switch (type) {
            case LEAD -> api().post("/api/leads/" + id + "/activities", user.bearer(),
                    Map.of("kind", "NOTE", "result", "checked by " + who));
            case ACCOUNT -> api().post("/api/accounts/" + id + "/follow-ups", user.bearer(),
                    Map.of("kind", "CALL", "result", "called by " + who));
            case OPPORTUNITY -> api().post("/api/opportunities/" + id + "/advance", user.bearer(), Map.of());
            case VISIT -> throw new IllegalArgumentException("visits have a test of their own");
        };
        int expected = changes ? (type == RecordType.OPPORTUNITY ? 200 : 201) : reads ? 403 : 404;
        assertThat(change.status()).as("change " + change).isEqualTo(expected);
    }

    @Test
    void theOrganisationViewsShowWhatTheirNamesSay() {
        assertThat(view("superior", "subordinatesLeads")).contains(lead);
        assertThat(view("grandSuperior", "subordinatesLeads")).contains(lead);
        assertThat(view("owner", "subordinatesLeads")).doesNotContain(lead);
        assertThat(view("teamSuperior", "subordinatesLeads")).doesNotContain(lead);
        assertThat(view("teamSuperior", "subordinatesParticipations")).contains(lead);
        assertThat(view("sharedReader", "sharedWithMe")).contains(lead);
        assertThat(view("sharedWriter", "sharedWithMe")).contains(lead);
        assertThat(view("superior", "sharedWithMe")).doesNotContain(lead);
        assertThat(view("head", "myResponsibleDepartments")).contains(lead);
        assertThat(view("superior", "myResponsibleDepartments")).doesNotContain(lead);
        assertThat(view("storeManager", "subordinatesLeads")).doesNotContain(lead);
    }

    @Test
    void aHeadSeesChildDepartmentsOnlyWhenTheTenantSaysSo() {
        String admin = bearer("admin");
        Api.Response off = api().put("/api/organisation/settings", admin, Map.of("headsSeeChildDepartments", false));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        try {
            assertThat(api().get("/api/leads/" + lead, bearer("head")).status()).isEqualTo(404);
            assertThat(view("head", "myResponsibleDepartments")).doesNotContain(lead);
        } finally {
            assertThat(api().put("/api/organisation/settings", admin, Map.of("headsSeeChildDepartments", true))
                    .status()).isEqualTo(200);
        }
        assertThat(api().get("/api/leads/" + lead, bearer("head")).status()).isEqualTo(200);
    }

    @Test
    void aCycleOfSuperiorsEndsInsteadOfLooping() {
        User first = user("cycleFirst", PlatformRole.SALES_REP, List.of(store1));
        User second = user("cycleSecond", PlatformRole.SALES_REP, List.of(store1));
        FIXTURES.superior(first.id(), second.id());
        FIXTURES.superior(second.id(), first.id());
        String mine = api().post("/api/leads", first.bearer(), Map.of("storeId", store1.toString(), "name", "Cycle"))
                .json().get("id").asString();
        Api.Response seen = api().get("/api/leads?view=subordinatesLeads", second.bearer());
        assertThat(seen.status()).isEqualTo(200);
        assertThat(ids(seen)).containsExactly(mine);
        assertThat(ids(api().get("/api/leads?view=subordinatesLeads", first.bearer()))).doesNotContain(mine);
    }

    private List<String> view(String who, String view) {
        Api.Response page = api().get("/api/leads?size=200&view=" + view, bearer(who));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return ids(page);
    }

    private String department(String admin, String name, String parent, UUID head) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("parentId", parent);
        body.put("headId", head);
        Api.Response created = api().post("/api/departments", admin, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private void members(String admin, String department, String... names) {
        List<String> ids = Stream.of(names).map(n -> id(n).toString()).toList();
        Api.Response added = api().post("/api/departments/" + department + "/members", admin, Map.of("userIds", ids));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
    }

    private void share(String admin, RecordType type, String sourceKind, String source, String targetKind,
                       String target, String access) {
        Api.Response created = api().post("/api/sharing-rules", admin, Map.of("recordType", type.name(),
                "source", Map.of("kind", sourceKind, "id", source), "target", Map.of("kind", targetKind, "id", target),
                "access", access));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private User user(String name, PlatformRole role, List<UUID> stores) {
        UUID id = FIXTURES.user(tenant, name, role, stores);
        return new User(id, TOKENS.forUser(tenant.slug(), id).bearer());
    }

    private UUID id(String name) {
        return users.get(name).id();
    }

    private String bearer(String name) {
        return users.get(name).bearer();
    }

    private static List<String> ids(Api.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().get("content").valueStream().map(n -> n.get("id").asString()).toList();
    }
}
