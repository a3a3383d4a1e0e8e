package com.storecrm.crm.pool;

import static com.storecrm.crm.pool.PoolCast.ids;
import static com.storecrm.crm.pool.PoolCast.list;
import static com.storecrm.crm.pool.PoolCast.refusals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.storecrm.crm.lead.LeadAssigned;
import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** Every pool operation allowed and refused by the seeds' preconditions (lead pool manual 5, lead manual 4.5). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoolOperationsIT extends CrmIntegrationTest {

    private PoolCast cast;
    private PoolCast otherTenant;

    @BeforeAll
    void tenants() {
        cast = new PoolCast(FIXTURES, TOKENS, api(), "pools_ops_a");
        otherTenant = new PoolCast(FIXTURES, TOKENS, api(), "pools_ops_b");
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Nested
    class Creating {

        @Test
        void theTenantAdministratorCreatesAPool() {
            Api.Response created = api().post("/api/lead-pools", cast.admin.bearer(), Map.of("storeId",
                    cast.store1.toString(), "name", "North China", "type", "ASSIGN_ONLY",
                    "adminIds", ids(List.of(cast.poolAdmin.id())), "memberIds", ids(List.of(cast.rep.id())),
                    "followUpTimeoutHours", 48, "claimLimit", 5));

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            JsonNode pool = created.json();
            assertThat(pool.get("type").asString()).isEqualTo("ASSIGN_ONLY");
            assertThat(pool.get("claimLimit").asInt()).isEqualTo(5);
            assertThat(pool.get("autoReturn").asBoolean()).isTrue();
            assertThat(list(pool.get("memberIds"))).containsExactly(cast.rep.id().toString());
            Api.Response again = api().post("/api/lead-pools", cast.admin.bearer(), Map.of("storeId",
                    cast.store1.toString(), "name", "north china", "type", "CLAIMABLE",
                    "adminIds", ids(List.of(cast.poolAdmin.id()))));
            assertThat(again.status()).as("names are unique per store").isEqualTo(409);
        }

        @Test
        void refusesEveryoneButTheTenantAdministrator() {
            Map<String, Object> body = Map.of("storeId", cast.store1.toString(), "name", "Mine", "type", "CLAIMABLE",
                    "adminIds", ids(List.of(cast.rep.id())));
            assertThat(api().post("/api/lead-pools", cast.poolAdmin.bearer(), body).status()).isEqualTo(403);
            assertThat(api().post("/api/lead-pools", cast.finance.bearer(), body).status()).isEqualTo(403);
        }

        @Test
        void refusesPeopleWhoDoNotWorkInTheStore() {
            Api.Response refused = api().post("/api/lead-pools", cast.admin.bearer(), Map.of("storeId",
                    cast.store1.toString(), "name", "Mixed", "type", "CLAIMABLE",
                    "adminIds", ids(List.of(cast.poolAdmin.id())), "memberIds", ids(List.of(cast.repOfStore2.id()))));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("memberIds[0]");
        }
    }

    @Nested
    class CreatingLeadsIntoAPool {

        @Test
        void aLeadCreatedIntoAPoolIsUnassigned() {
            UUID lead = cast.lead(cast.pool(Map.of()));

            JsonNode read = cast.read(lead);
            assertThat(read.get("status").asString()).isEqualTo("UNASSIGNED");
            assertThat(read.get("ownerId").isNull()).isTrue();
        }

        @Test
        void aPoolWithADefaultAssigneeGivesNewLeadsToThem() {
            UUID pool = cast.pool(Map.of("defaultAssigneeId", cast.rep.id().toString()));

            UUID lead = cast.lead(pool);

            JsonNode read = cast.read(lead);
            assertThat(read.get("status").asString()).isEqualTo("PENDING");
            assertThat(read.get("ownerId").asString()).isEqualTo(cast.rep.id().toString());
            assertThat(read.get("poolId").asString()).isEqualTo(pool.toString());
            assertThat(events.of(LeadAssigned.class)).anyMatch(e -> e.leadId().equals(lead)
                    && e.ownerId().equals(cast.rep.id()) && e.assignedBy().equals(cast.poolAdmin.id()));
        }

        @Test
        void refusesAPoolOfAnotherTenantOrStore() {
            UUID foreign = otherTenant.pool(Map.of());
            Api.Response refused = api().post("/api/leads", cast.poolAdmin.bearer(), Map.of("storeId",
                    cast.store1.toString(), "name", "Nowhere", "poolId", foreign.toString()));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("poolId");

            Api.Response outsider = api().post("/api/leads", cast.outsider.bearer(), Map.of("storeId",
                    cast.store1.toString(), "name", "Not my pool", "poolId", cast.pool(Map.of()).toString()));
            assertThat(outsider.status()).as("a rep outside the pool may not fill it").isEqualTo(403);
        }
    }

    @Nested
    class Claiming {

        @Test
        void aMemberClaimsUnassignedLeadsAndOwnsThem() {
            UUID pool = cast.pool(Map.of());
            List<UUID> leads = cast.leads(pool, 2);

            JsonNode answer = cast.ok(cast.claim(pool, cast.rep, leads));

            assertThat(list(answer.get("claimed"))).containsExactlyInAnyOrderElementsOf(ids(leads));
            assertThat(answer.get("refused").isEmpty()).isTrue();
            JsonNode read = cast.read(leads.get(0));
            assertThat(read.get("status").asString()).isEqualTo("PENDING");
            assertThat(read.get("ownerId").asString()).isEqualTo(cast.rep.id().toString());
            assertThat(events.of(LeadClaimed.class)).filteredOn(e -> leads.contains(e.leadId())).hasSize(2)
                    .allMatch(e -> e.claimantId().equals(cast.rep.id()) && e.poolId().equals(pool));
            JsonNode history = api().get("/api/leads/" + leads.get(0) + "/history", cast.admin.bearer()).json();
            assertThat(history.get(history.size() - 1).get("action").asString()).isEqualTo("CLAIM");
        }

        @Test
        void refusesEachLeadThatCannotBeClaimedWithItsReason() {
            UUID pool = cast.pool(Map.of());
            List<UUID> leads = cast.leads(pool, 3);
            UUID free = leads.get(0);
            UUID othersLead = leads.get(1);
            UUID mine = leads.get(2);
            UUID elsewhere = cast.lead(cast.pool(Map.of()));
            UUID unknown = UUID.randomUUID();
            cast.ok(cast.claim(pool, cast.otherRep, List.of(othersLead)));
            cast.ok(cast.claim(pool, cast.rep, List.of(mine)));

            JsonNode answer = cast.ok(cast.claim(pool, cast.rep, List.of(free, othersLead, mine, elsewhere, unknown)));

            assertThat(list(answer.get("claimed"))).containsExactly(free.toString());
            assertThat(refusals(answer)).containsOnly(entry(othersLead.toString(), "HELD_BY_ANOTHER"),
                    entry(mine.toString(), "HELD_BY_YOU"), entry(elsewhere.toString(), "NOT_IN_POOL"),
                    entry(unknown.toString(), "NOT_IN_POOL"));
            assertThat(cast.read(othersLead).get("ownerId").asString()).isEqualTo(cast.otherRep.id().toString());
        }

        @Test
        void claimingOneLeadSomeoneElseHoldsIsAConflict() {
            UUID pool = cast.pool(Map.of());
            UUID lead = cast.lead(pool);
            cast.ok(cast.claim(pool, cast.otherRep, List.of(lead)));

            Api.Response lost = cast.claim(pool, cast.rep, List.of(lead));

            assertThat(lost.status()).isEqualTo(409);
            assertThat(lost.isProblem()).isTrue();
            assertThat(lost.json().get("reason").asString()).isEqualTo("HELD_BY_ANOTHER");
            assertThat(lost.json().get("leadId").asString()).isEqualTo(lead.toString());
        }

        @Test
        void refusesNonMembersWrongRolesAssignOnlyPoolsAndOtherStoresOrTenants() {
            UUID pool = cast.pool(Map.of());
            UUID lead = cast.lead(pool);
            UUID assignOnly = cast.pool(Map.of("type", "ASSIGN_ONLY"));
            UUID assignOnlyLead = cast.lead(assignOnly);

            assertThat(cast.claim(pool, cast.outsider, List.of(lead)).status()).as("not a member").isEqualTo(403);
            assertThat(cast.claim(pool, cast.poolAdmin, List.of(lead)).status()).as("admin, not member").isEqualTo(403);
            assertThat(cast.claim(pool, cast.finance, List.of(lead)).status()).as("finance").isEqualTo(403);
            assertThat(cast.claim(assignOnly, cast.rep, List.of(assignOnlyLead)).status()).as("assign-only").isEqualTo(409);
            assertThat(cast.claim(pool, cast.repOfStore2, List.of(lead)).status()).as("other store").isEqualTo(404);
            assertThat(otherTenant.claim(pool, otherTenant.rep, List.of(lead)).status()).as("other tenant").isEqualTo(404);
            assertThat(cast.read(lead).get("status").asString()).isEqualTo("UNASSIGNED");
        }

        @Test
        void refusesClaimsAboveTheHeldLimitUntilAMemberGivesOneBack() {
            UUID pool = cast.pool(Map.of("claimLimit", 2));
            List<UUID> leads = cast.leads(pool, 4);

            JsonNode answer = cast.ok(cast.claim(pool, cast.rep, leads.subList(0, 3)));
            assertThat(answer.get("claimed")).hasSize(2);
            assertThat(refusals(answer).values()).containsExactly("HELD_LIMIT_REACHED");

            UUID held = UUID.fromString(answer.get("claimed").get(0).asString());
            cast.ok(cast.operate(pool, "return", cast.rep, Map.of("leadIds", ids(List.of(held)))));
            assertThat(cast.ok(cast.claim(pool, cast.rep, List.of(leads.get(3)))).get("claimed")).hasSize(1);
            assertThat(cast.ok(cast.claim(pool, cast.otherRep, leads)).get("claimed"))
                    .as("the limit is per member").hasSize(2);
        }

        @Test
        void aMemberAssignedMoreThanTheHeldLimitClaimsNothingUntilBelowIt() {
            UUID pool = cast.pool(Map.of("claimLimit", 1));
            List<UUID> leads = cast.leads(pool, 4);
            cast.ok(cast.operate(pool, "assign", cast.poolAdmin, Map.of("leadIds", ids(leads.subList(0, 3)),
                    "ownerId", cast.rep.id().toString())));

            Api.Response refused = cast.claim(pool, cast.rep, List.of(leads.get(3)));
            assertThat(refused.status()).as("holding 3 of a limit of 1").isEqualTo(409);
            assertThat(refused.json().get("reason").asString()).isEqualTo("HELD_LIMIT_REACHED");

            cast.ok(cast.operate(pool, "return", cast.rep, Map.of("leadIds", ids(leads.subList(0, 2)))));
            Api.Response stillRefused = cast.claim(pool, cast.rep, List.of(leads.get(3)));
            assertThat(stillRefused.status()).as("holding 1 of a limit of 1").isEqualTo(409);
            cast.ok(cast.operate(pool, "return", cast.rep, Map.of("leadIds", ids(leads.subList(2, 3)))));
            assertThat(cast.ok(cast.claim(pool, cast.rep, List.of(leads.get(3)))).get("claimed")).hasSize(1);
        }

        @Test
        void refusesClaimsAboveTheDailyLimitUntilTheNextDay() {
            UUID pool = cast.pool(Map.of("dailyClaimLimit", 2));
            List<UUID> leads = cast.leads(pool, 3);
            JsonNode first = cast.ok(cast.claim(pool, cast.rep, leads.subList(0, 2)));
            cast.ok(cast.operate(pool, "return", cast.rep, Map.of("leadIds", ids(leads.subList(0, 2)))));

            Api.Response third = cast.claim(pool, cast.rep, List.of(leads.get(2)));
            assertThat(first.get("claimed")).hasSize(2);
            assertThat(third.status()).isEqualTo(409);
            assertThat(third.json().get("reason").asString()).isEqualTo("DAILY_LIMIT_REACHED");

            clock.moveBy(Duration.ofDays(1));
            assertThat(cast.ok(cast.claim(pool, cast.rep, List.of(leads.get(2)))).get("claimed")).hasSize(1);
        }
    }

    @Nested
    class Assigning {

        @Test
        void aPoolAdministratorAssignsLeadsOfAnyOpenStatusToAMember() {
            UUID pool = cast.pool(Map.of("type", "ASSIGN_ONLY"));
            List<UUID> leads = cast.leads(pool, 2);
            cast.ok(cast.operate(pool, "assign", cast.poolAdmin, Map.of("leadIds", ids(leads.subList(0, 1)),
                    "ownerId", cast.otherRep.id().toString())));

            JsonNode answer = cast.ok(cast.operate(pool, "assign", cast.poolAdmin, Map.of("leadIds", ids(leads),
                    "ownerId", cast.rep.id().toString(), "reason", "knows the region")));

            assertThat(list(answer.get("moved"))).containsExactlyInAnyOrderElementsOf(ids(leads));
            assertThat(cast.read(leads.get(0)).get("ownerId").asString()).isEqualTo(cast.rep.id().toString());
            assertThat(cast.read(leads.get(1)).get("status").asString()).isEqualTo("PENDING");
            JsonNode again = cast.ok(cast.operate(pool, "assign", cast.poolAdmin, Map.of("leadIds", ids(leads),
                    "ownerId", cast.rep.id().toString())));
            assertThat(refusals(again).values()).containsOnly("ALREADY_OWNER");
        }

        @Test
        void refusesConvertedLeadsNonAdministratorsAndOwnersOutsideThePool() {
            UUID pool = cast.pool(Map.of());
            List<UUID> leads = cast.leads(pool, 2);
            cast.ok(cast.claim(pool, cast.rep, leads.subList(0, 1)));
            Api.Response converted = api().post("/api/leads/" + leads.get(0) + "/invalid", cast.rep.bearer(),
                    Map.of("reason", "no answer"));
            assertThat(converted.status()).isEqualTo(200);

            Map<String, Object> toOther = Map.of("leadIds", ids(leads), "ownerId", cast.otherRep.id().toString());
            assertThat(cast.ok(cast.operate(pool, "assign", cast.poolAdmin, toOther)).get("moved"))
                    .as("Invalid and Unassigned leads may be assigned").hasSize(2);
            assertThat(cast.operate(pool, "assign", cast.rep, toOther).status()).as("a member").isEqualTo(403);
            assertThat(cast.operate(pool, "assign", cast.poolAdmin, Map.of("leadIds", ids(leads),
                    "ownerId", cast.outsider.id().toString())).status()).as("owner not a member").isEqualTo(400);
        }
    }

    @Nested
    class Reclaiming {

        @Test
        void aPoolAdministratorReclaimsOwnedLeadsAndRefusesUnassignedOnes() {
            UUID pool = cast.pool(Map.of());
            List<UUID> leads = cast.leads(pool, 2);
            cast.ok(cast.claim(pool, cast.rep, leads.subList(0, 1)));

            JsonNode answer = cast.ok(cast.operate(pool, "reclaim", cast.poolAdmin, Map.of("leadIds", ids(leads),
                    "reason", "no progress")));

            assertThat(list(answer.get("moved"))).containsExactly(leads.get(0).toString());
            assertThat(refusals(answer)).containsOnly(entry(leads.get(1).toString(), "STATUS_NOT_ALLOWED"));
            JsonNode read = cast.read(leads.get(0));
            assertThat(read.get("status").asString()).isEqualTo("UNASSIGNED");
            assertThat(read.get("ownerId").isNull()).isTrue();
            assertThat(events.of(LeadReturnedToPool.class)).anyMatch(e -> e.leadId().equals(leads.get(0))
                    && e.way() == LeadReturnedToPool.Way.RECLAIMED && e.previousOwnerId().equals(cast.rep.id()));
        }

        @Test
        void refusesMembers() {
            UUID pool = cast.pool(Map.of());
            UUID lead = cast.lead(pool);
            cast.ok(cast.claim(pool, cast.rep, List.of(lead)));

            assertThat(cast.operate(pool, "reclaim", cast.otherRep, Map.of("leadIds", ids(List.of(lead)))).status())
                    .isEqualTo(403);
        }
    }

    @Nested
    class Returning {

        @AfterEach
        void reasonsOptionalAgain() {
            api().put("/api/lead-pools/return-reasons", cast.admin.bearer(), Map.of("required", false,
                    "reasons", List.of(Map.of("code", "UNREACHABLE", "label", "Unreachable"))));
        }

        @Test
        void theOwnerReturnsLeadsOthersCannot() {
            UUID pool = cast.pool(Map.of());
            List<UUID> leads = cast.leads(pool, 3);
            cast.ok(cast.claim(pool, cast.rep, leads.subList(0, 2)));

            JsonNode byOther = cast.ok(cast.operate(pool, "return", cast.otherRep, Map.of("leadIds", ids(leads))));
            JsonNode byOwner = cast.ok(cast.operate(pool, "return", cast.rep, Map.of("leadIds", ids(leads))));

            assertThat(byOther.get("moved").isEmpty()).isTrue();
            assertThat(refusals(byOther)).containsOnly(entry(leads.get(0).toString(), "NOT_PERMITTED"),
                    entry(leads.get(1).toString(), "NOT_PERMITTED"), entry(leads.get(2).toString(), "STATUS_NOT_ALLOWED"));
            assertThat(list(byOwner.get("moved"))).containsExactlyInAnyOrderElementsOf(ids(leads.subList(0, 2)));
            assertThat(refusals(byOwner)).containsOnly(entry(leads.get(2).toString(), "STATUS_NOT_ALLOWED"));
            assertThat(cast.read(leads.get(0)).get("status").asString()).isEqualTo("UNASSIGNED");
        }

        @Test
        void aLeadOutsideAnyPoolIsReturnedIntoAPoolOfTheCaller() {
            UUID pool = cast.pool(Map.of());
            Api.Response own = api().post("/api/leads", cast.rep.bearer(), Map.of("storeId", cast.store1.toString(),
                    "name", "My own lead"));
            UUID lead = UUID.fromString(own.json().get("id").asString());

            cast.ok(cast.operate(pool, "return", cast.rep, Map.of("leadIds", ids(List.of(lead)))));

            JsonNode read = cast.read(lead);
            assertThat(read.get("poolId").asString()).isEqualTo(pool.toString());
            assertThat(read.get("status").asString()).isEqualTo("UNASSIGNED");
        }

        @Test
        void aReturnNeedsAReasonOfTheListWhenTheTenantRequiresOne() {
            Api.Response configured = api().put("/api/lead-pools/return-reasons", cast.admin.bearer(), Map.of(
                    "required", true, "reasons", List.of(Map.of("code", "UNREACHABLE", "label", "Unreachable"),
                            Map.of("code", "OUT_OF_AREA", "label", "Outside my area"))));
            assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
            assertThat(api().put("/api/lead-pools/return-reasons", cast.rep.bearer(), Map.of("required", false,
                    "reasons", List.of())).status()).as("reps do not configure").isEqualTo(403);
            UUID pool = cast.pool(Map.of());
            UUID lead = cast.lead(pool);
            cast.ok(cast.claim(pool, cast.rep, List.of(lead)));

            Api.Response none = cast.operate(pool, "return", cast.rep, Map.of("leadIds", ids(List.of(lead))));
            Api.Response unknown = cast.operate(pool, "return", cast.rep, Map.of("leadIds", ids(List.of(lead)),
                    "reason", "BORED"));
            Api.Response listed = cast.operate(pool, "return", cast.rep, Map.of("leadIds", ids(List.of(lead)),
                    "reason", "OUT_OF_AREA"));

            assertThat(none.status()).isEqualTo(400);
            assertThat(none.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
            JsonNode history = api().get("/api/leads/" + lead + "/history", cast.admin.bearer()).json();
            assertThat(history.get(history.size() - 1).get("reason").asString()).isEqualTo("OUT_OF_AREA");
        }
    }

    @Nested
    class Transferring {

        @Test
        void aPoolAdministratorMovesChosenLeadsOrTheWholePool() {
            UUID source = cast.pool(Map.of());
            UUID target = cast.pool(Map.of());
            List<UUID> leads = cast.leads(source, 3);
            cast.ok(cast.claim(source, cast.rep, leads.subList(0, 1)));

            JsonNode some = cast.ok(cast.operate(source, "transfer", cast.poolAdmin, Map.of(
                    "targetPoolId", target.toString(), "leadIds", ids(leads.subList(0, 1)))));
            assertThat(list(some.get("moved"))).containsExactly(leads.get(0).toString());
            JsonNode moved = cast.read(leads.get(0));
            assertThat(moved.get("poolId").asString()).isEqualTo(target.toString());
            assertThat(moved.get("ownerId").asString()).as("owner and status stay").isEqualTo(cast.rep.id().toString());

            JsonNode whole = cast.ok(cast.operate(source, "transfer", cast.poolAdmin, Map.of(
                    "targetPoolId", target.toString())));
            assertThat(list(whole.get("moved"))).containsExactlyInAnyOrderElementsOf(ids(leads.subList(1, 3)));
            Api.Response left = api().get("/api/lead-pools/" + source + "/leads", cast.poolAdmin.bearer());
            assertThat(left.json().get("totalElements").asLong()).isZero();
        }

        @Test
        void refusesMembersAndPoolsOfOtherStores() {
            UUID source = cast.pool(Map.of());
            UUID target = cast.pool(Map.of());
            cast.leads(source, 1);

            assertThat(cast.operate(source, "transfer", cast.rep, Map.of("targetPoolId", target.toString())).status())
                    .isEqualTo(403);
            assertThat(cast.operate(source, "transfer", cast.poolAdmin, Map.of("targetPoolId", source.toString()))
                    .status()).isEqualTo(400);
            assertThat(cast.operate(source, "transfer", cast.poolAdmin,
                    Map.of("targetPoolId", otherTenant.pool(Map.of()).toString())).status()).isEqualTo(404);
        }
    }
}
