package com.storecrm.crm.lead;

import static com.storecrm.crm.lead.LeadCast.reason;
import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.catalog.CatalogReader;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
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
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every lead action through the API, from every status, by every kind of caller: allowed moves
 * answer with the new status and write one history entry (who, when, from, to, why) and their
 * events; refused ones are 404 (cannot see), 403 (not theirs to do) or 409 naming the current status,
 * and change nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadLifecycleIT extends CrmIntegrationTest {

    enum Role { OWNER, OTHER_REP, MANAGER, HQ, ADMIN, FINANCE }

    enum Act {
        FOLLOW_UP(LeadAction.RECORD_FOLLOW_UP, "activities"), INVALID(LeadAction.MARK_INVALID, "invalid"),
        REACTIVATE(LeadAction.REACTIVATE, "reactivate"), ASSIGN(LeadAction.ASSIGN, "assign"),
        DISCARD(LeadAction.DISCARD, "discard"), RESTORE(LeadAction.RESTORE, "restore");

        final LeadAction action;
        final String path;

        Act(LeadAction action, String path) {
            this.action = action;
            this.path = path;
        }
    }

    /** The test's own copy of the moves reachable through these endpoints: from -> to per action. */
    private static final Map<Act, Map<LeadStatus, LeadStatus>> MOVES = Map.of(
            Act.FOLLOW_UP, Map.of(LeadStatus.PENDING, LeadStatus.IN_PROGRESS, LeadStatus.IN_PROGRESS, LeadStatus.IN_PROGRESS,
                    LeadStatus.INVALID, LeadStatus.IN_PROGRESS),
            Act.INVALID, Map.of(LeadStatus.PENDING, LeadStatus.INVALID, LeadStatus.IN_PROGRESS, LeadStatus.INVALID),
            Act.REACTIVATE, Map.of(LeadStatus.INVALID, LeadStatus.PENDING),
            Act.ASSIGN, Map.of(LeadStatus.UNASSIGNED, LeadStatus.PENDING, LeadStatus.PENDING, LeadStatus.PENDING,
                    LeadStatus.IN_PROGRESS, LeadStatus.PENDING, LeadStatus.INVALID, LeadStatus.PENDING),
            Act.DISCARD, Map.of(LeadStatus.UNASSIGNED, LeadStatus.DISCARDED, LeadStatus.PENDING, LeadStatus.DISCARDED,
                    LeadStatus.IN_PROGRESS, LeadStatus.DISCARDED, LeadStatus.INVALID, LeadStatus.DISCARDED),
            // a lead in these tests is always discarded from Pending
            Act.RESTORE, Map.of(LeadStatus.DISCARDED, LeadStatus.PENDING));

    @Autowired
    private LeadHandling handling;

    @Autowired
    private CatalogReader catalog;

    private LeadCast cast;

    @BeforeAll
    void aCast() {
        cast = new LeadCast(FIXTURES, TOKENS, api(), "lifecycle");
    }

    Stream<Arguments> everyStatusActionAndRole() {
        return Arrays.stream(LeadStatus.values()).flatMap(from -> Arrays.stream(Act.values())
                .flatMap(act -> Arrays.stream(Role.values()).map(role -> Arguments.of(from, act, role))));
    }

    @ParameterizedTest(name = "{2}: {1} from {0}")
    @MethodSource("everyStatusActionAndRole")
    void allowsExactlyTheTableAndTheRoleRules(LeadStatus from, Act act, Role role) {
        UUID lead = leadIn(from);
        JsonNode before = cast.read(lead, cast.admin);
        int historyBefore = history(lead).size();
        Instant start = Instant.now();

        Api.Response response = cast.act(lead, act.path, user(role), body(act));

        int expected = expectedStatus(from, act, role);
        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        assertThat(response.isProblem()).isEqualTo(expected >= 400);
        JsonNode after = cast.read(lead, cast.admin);
        if (expected >= 400) {
            assertThat(after).as("a refused action changes nothing").isEqualTo(before);
            assertThat(history(lead)).hasSize(historyBefore);
            if (expected == 409) {
                assertThat(response.json().get("currentStatus").asString()).isEqualTo(from.name());
                assertThat(response.json().get("detail").asString()).contains(from.name());
            }
            return;
        }
        LeadStatus to = MOVES.get(act).get(from);
        assertThat(after.get("status").asString()).isEqualTo(to.name());
        String expectedOwner = act == Act.ASSIGN ? cast.otherRep.id().toString() : text(before.get("ownerId"));
        assertThat(text(after.get("ownerId"))).isEqualTo(expectedOwner);
        List<JsonNode> history = history(lead);
        if (to == from && expectedOwner.equals(text(before.get("ownerId")))) {
            assertThat(history).as("nothing moved, nothing to record").hasSize(historyBefore);
            return;
        }
        assertThat(history).hasSize(historyBefore + 1);
        JsonNode entry = history.get(history.size() - 1);
        assertThat(entry.get("action").asString()).isEqualTo(act.action.name());
        assertThat(entry.get("fromStatus").asString()).isEqualTo(from.name());
        assertThat(entry.get("toStatus").asString()).isEqualTo(to.name());
        assertThat(entry.get("actorId").asString()).isEqualTo(user(role).id().toString());
        assertThat(entry.get("reason").asString()).isEqualTo(act == Act.FOLLOW_UP ? "talked about pallets" : "because " + act);
        assertThat(Instant.parse(entry.get("at").asString())).isBetween(start.minusSeconds(1), Instant.now().plusSeconds(1));
        if (from != to) {
            assertThat(events.of(LeadStatusChanged.class)).anySatisfy(event -> {
                assertThat(event.leadId()).isEqualTo(lead);
                assertThat(event.tenantId()).isEqualTo(cast.tenant.id());
                assertThat(event.from()).isEqualTo(from);
                assertThat(event.to()).isEqualTo(to);
                assertThat(event.changedBy()).isEqualTo(user(role).id());
            });
        }
        if (act == Act.ASSIGN) {
            assertThat(events.of(LeadAssigned.class)).anySatisfy(event -> {
                assertThat(event.leadId()).isEqualTo(lead);
                assertThat(event.ownerId()).isEqualTo(cast.otherRep.id());
                assertThat(event.assignedBy()).isEqualTo(user(role).id());
            });
        }
    }

    @Test
    void recordsTheCreationAsTheFirstHistoryEntryAndPublishesIt() {
        UUID lead = cast.lead(cast.rep);

        List<JsonNode> history = history(lead);

        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("action").asString()).isEqualTo("CREATE");
        assertThat(history.get(0).get("fromStatus").isNull()).isTrue();
        assertThat(history.get(0).get("toStatus").asString()).isEqualTo("PENDING");
        assertThat(history.get(0).get("actorId").asString()).isEqualTo(cast.rep.id().toString());
        assertThat(events.of(LeadAssigned.class)).anySatisfy(event -> {
            assertThat(event.leadId()).isEqualTo(lead);
            assertThat(event.ownerId()).isEqualTo(cast.rep.id());
        });
    }

    @Test
    void restoresADiscardedLeadToTheStatusItWasDiscardedFrom() {
        UUID lead = leadIn(LeadStatus.INVALID);
        assertThat(cast.act(lead, "discard", cast.admin, reason("junk")).status()).isEqualTo(200);

        Api.Response restored = cast.act(lead, "restore", cast.admin, reason("not junk after all"));

        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(restored.json().get("status").asString()).isEqualTo("INVALID");
    }

    @Test
    void hidesDiscardedLeadsFromEveryoneButTheTenantAdministrator() {
        UUID lead = cast.lead(cast.rep);
        assertThat(cast.act(lead, "discard", cast.admin, reason("junk")).status()).isEqualTo(200);

        for (LeadCast.User other : List.of(cast.rep, cast.manager, cast.hq)) {
            Api.Response read = api().get("/api/leads/" + lead, other.bearer());
            assertThat(read.status()).isEqualTo(404);
            assertThat(read.json().get("detail").asString()).isEqualTo("lead not found");
            assertThat(ids(api().get("/api/leads?size=200", other.bearer()))).doesNotContain(lead.toString());
            assertThat(api().get("/api/leads/" + lead + "/history", other.bearer()).status()).isEqualTo(404);
            assertThat(cast.act(lead, "restore", other, reason("mine")).status()).isEqualTo(403);
        }
        assertThat(api().get("/api/leads?view=discarded", cast.rep.bearer()).status()).isEqualTo(403);
        assertThat(cast.read(lead, cast.admin).get("status").asString()).isEqualTo("DISCARDED");
        assertThat(ids(api().get("/api/leads?view=discarded&size=200", cast.admin.bearer()))).contains(lead.toString());
        assertThat(ids(api().get("/api/leads?size=200", cast.admin.bearer()))).doesNotContain(lead.toString());
    }

    @Test
    void theConversionFeatureCanConvertAndAConvertedLeadMovesNoMore() {
        UUID lead = leadIn(LeadStatus.CONVERTED);

        assertThat(cast.read(lead, cast.rep).get("status").asString()).isEqualTo("CONVERTED");
        for (String action : List.of("invalid", "reactivate", "discard")) {
            Api.Response refused = cast.act(lead, action, cast.admin, reason("try"));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("currentStatus").asString()).isEqualTo("CONVERTED");
        }
    }

    @Test
    void refusesAnAssigneeWhoDoesNotWorkInTheLeadsStore() {
        UUID lead = cast.lead(cast.rep);
        for (UUID stranger : List.of(cast.repOfStore2.id(), cast.finance.id(), UUID.randomUUID())) {
            Api.Response refused = cast.act(lead, "assign", cast.manager, Map.of("ownerId", stranger.toString()));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("ownerId");
        }
    }

    @Test
    void refusesATransitionWithoutAReason() {
        UUID lead = cast.lead(cast.rep);
        Api.Response refused = cast.act(lead, "invalid", cast.rep, Map.of());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(cast.read(lead, cast.rep).get("status").asString()).isEqualTo("PENDING");
    }

    private int expectedStatus(LeadStatus from, Act act, Role role) {
        if (role == Role.FINANCE) {
            return 403;
        }
        if (act == Act.RESTORE && role != Role.ADMIN) {
            return 403;
        }
        boolean visible = switch (role) {
            case OWNER -> !EnumSet.of(LeadStatus.UNASSIGNED, LeadStatus.DISCARDED).contains(from);
            case OTHER_REP, FINANCE -> false;
            case MANAGER, HQ -> from != LeadStatus.DISCARDED;
            case ADMIN -> true;
        };
        if (!visible) {
            return 404;
        }
        if (act == Act.ASSIGN && role == Role.OWNER || act == Act.DISCARD && role != Role.ADMIN) {
            return 403;
        }
        if (!MOVES.get(act).containsKey(from)) {
            return 409;
        }
        return act == Act.FOLLOW_UP ? 201 : 200;
    }

    /** A lead of the rep brought into {@code status}; the pool and conversion moves go through their service calls. */
    private UUID leadIn(LeadStatus status) {
        UUID lead = cast.lead(cast.rep);
        switch (status) {
            case PENDING -> { }
            case IN_PROGRESS -> ok(cast.act(lead, "activities", cast.rep, LeadCast.call("first call", null)));
            case INVALID -> ok(cast.act(lead, "invalid", cast.rep, reason("no answer")));
            case DISCARDED -> ok(cast.act(lead, "discard", cast.admin, reason("junk")));
            case UNASSIGNED -> TenantContext.runAs(scopeOf(cast.rep),
                    () -> handling.release(lead, LeadAction.RETURN, UUID.randomUUID(), "back to the pool"));
            case CONVERTED -> TenantContext.runAs(scopeOf(cast.rep), () -> handling.convert(lead, "became a customer"));
        }
        assertThat(cast.read(lead, cast.admin).get("status").asString()).isEqualTo(status.name());
        return lead;
    }

    private TenantScope scopeOf(LeadCast.User user) {
        return catalog.principal(user.id()).orElseThrow().scope();
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }

    private Object body(Act act) {
        return switch (act) {
            case FOLLOW_UP -> LeadCast.call("talked about pallets", null);
            case ASSIGN -> Map.of("ownerId", cast.otherRep.id().toString(), "reason", "because " + act);
            default -> reason("because " + act);
        };
    }

    private LeadCast.User user(Role role) {
        return switch (role) {
            case OWNER -> cast.rep;
            case OTHER_REP -> cast.otherRep;
            case MANAGER -> cast.manager;
            case HQ -> cast.hq;
            case ADMIN -> cast.admin;
            case FINANCE -> cast.finance;
        };
    }

    private List<JsonNode> history(UUID lead) {
        Api.Response response = api().get("/api/leads/" + lead + "/history", cast.admin.bearer());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().valueStream().toList();
    }

    private static Set<String> ids(Api.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().get("content").valueStream().map(n -> n.get("id").asString())
                .collect(java.util.stream.Collectors.toSet());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asString();
    }
}
