package com.storecrm.crm.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import com.storecrm.crm.support.StoreCast;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Sales processes and opportunities through the API: the contract's shapes, stage requirements and
 * approvals, lost and invalid from any stage, and the funnel of a known pipeline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpportunityFunnelIT extends CrmIntegrationTest {

    private StoreCast cast;
    private String accountId;

    @BeforeAll
    void aCustomer() {
        cast = new StoreCast(FIXTURES, TOKENS, "opp_funnel");
        Api.Response account = api().post("/api/accounts", cast.rep.bearer(), Map.of("storeId", cast.store1.toString(),
                "name", "Funnel customer", "mobile", "+86 139 4444 0001", "province", "Jiangsu", "city", "Suzhou"));
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        accountId = account.json().get("id").asString();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void definesAProcessInTheContractsShape() {
        Api.Response created = api().post("/api/sales-processes", cast.admin.bearer(), Map.of("name", "Contract shape",
                "departmentIds", List.of(java.util.UUID.randomUUID().toString()),
                "stages", List.of(Map.of("name", "Intent", "probability", 0.1), Map.of("name", "Deal", "probability", 0.9))));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode stages = created.json().get("stages");
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0).get("name").asString()).isEqualTo("Intent");
        assertThat(stages.get(0).get("probability").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(stages.get(1).get("id").asString()).isNotBlank();
        Api.Response byRep = api().post("/api/sales-processes", cast.rep.bearer(), Map.of("name", "Not mine",
                "stages", List.of(Map.of("name", "Only", "probability", 0.5))));
        assertThat(byRep.status()).isEqualTo(403);
        Api.Response invalid = api().post("/api/sales-processes", cast.admin.bearer(), Map.of("name", "Bad",
                "stages", List.of(Map.of("name", "Only", "probability", 1.5))));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("stages[0].probability");
    }

    @Test
    void enforcesFeedbackApprovalAndFinalStates() {
        JsonNode process = process("Rules");
        String opportunity = opportunity(process, 0, "1000.00");

        Api.Response withoutBudget = advance(opportunity, cast.rep, Map.of());
        assertThat(withoutBudget.status()).as(withoutBudget.toString()).isEqualTo(400);
        assertThat(withoutBudget.json().get("errors").get(0).get("field").asString()).isEqualTo("feedback.budget");

        assertThat(advance(opportunity, cast.rep, Map.of("feedback", Map.of("budget", "50k"))).status()).isEqualTo(200);
        Api.Response waiting = advance(opportunity, cast.rep, Map.of());
        assertThat(waiting.status()).as(waiting.toString()).isEqualTo(200);
        assertThat(waiting.json().get("pendingStageId").asString()).isEqualTo(stageId(process, 2));
        assertThat(waiting.json().get("stageId").asString()).isEqualTo(stageId(process, 1));
        assertThat(advance(opportunity, cast.rep, Map.of()).status()).isEqualTo(409);
        assertThat(api().post("/api/opportunities/" + opportunity + "/advance/approve", cast.rep.bearer(), Map.of())
                .status()).isEqualTo(403);
        Api.Response approved = api().post("/api/opportunities/" + opportunity + "/advance/approve",
                cast.manager.bearer(), Map.of());
        assertThat(approved.json().get("stageId").asString()).isEqualTo(stageId(process, 2));

        Api.Response lostWithoutReason = api().post("/api/opportunities/" + opportunity + "/lose", cast.rep.bearer(),
                Map.of());
        assertThat(lostWithoutReason.status()).isEqualTo(400);
        assertThat(lostWithoutReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        Api.Response lost = api().post("/api/opportunities/" + opportunity + "/lose", cast.rep.bearer(),
                Map.of("reason", "competitor cheaper"));
        assertThat(lost.json().get("status").asString()).isEqualTo("LOST");
        Api.Response afterLost = api().post("/api/opportunities/" + opportunity + "/invalidate", cast.rep.bearer(), Map.of());
        assertThat(afterLost.status()).isEqualTo(409);
        assertThat(afterLost.json().get("currentStatus").asString()).isEqualTo("LOST");

        List<String> actions = api().get("/api/opportunities/" + opportunity + "/history", cast.rep.bearer()).json()
                .valueStream().map(e -> e.get("action").asString()).toList();
        assertThat(actions).containsExactly("CREATE", "ADVANCE", "REQUEST_ADVANCE", "APPROVE_ADVANCE", "LOSE");
        assertThat(events.of(OpportunityStageChanged.class)).filteredOn(e -> e.opportunityId().toString()
                .equals(opportunity)).hasSize(5);
    }

    @Test
    void reportsTheFunnelOfAKnownPipeline() {
        JsonNode process = process("Funnel");
        String[] intent = {opportunity(process, 0, "1000.00"), opportunity(process, 0, "3000.00")};
        String proposal = opportunity(process, 0, "5000.00");
        String negotiation = opportunity(process, 0, "10000.00");
        String won = opportunity(process, 0, "7000.00");
        String lost = opportunity(process, 0, "2000.00");
        String invalid = opportunity(process, 0, "9999.00");
        clock.moveBy(Duration.ofDays(2));
        for (String id : List.of(proposal, negotiation, won, lost)) {
            assertThat(advance(id, cast.manager, Map.of("feedback", Map.of("budget", "ok"))).status()).isEqualTo(200);
        }
        for (String id : List.of(negotiation, won)) {
            assertThat(advance(id, cast.manager, Map.of()).status()).isEqualTo(200);
        }
        assertThat(api().post("/api/opportunities/" + won + "/win", cast.rep.bearer(), Map.of()).status()).isEqualTo(200);
        assertThat(api().post("/api/opportunities/" + lost + "/lose", cast.rep.bearer(), Map.of("reason", "budget cut"))
                .status()).isEqualTo(200);
        assertThat(api().post("/api/opportunities/" + invalid + "/invalidate", cast.rep.bearer(), Map.of()).status())
                .isEqualTo(200);
        assertThat(intent).hasSize(2);

        Api.Response response = api().get("/api/opportunities/funnel?salesProcessId=" + process.get("id").asString(),
                cast.manager.bearer());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode funnel = response.json();
        // stage name, count, amount, weighted amount, reached, conversion to the next stage
        Object[][] expected = {
                {"Intent", 2, "4000.00", "400.00", 7, "0.5714"},
                {"Proposal", 1, "5000.00", "2000.00", 4, "0.5000"},
                {"Negotiation", 1, "10000.00", "8000.00", 2, "0.5000"}};
        for (int i = 0; i < expected.length; i++) {
            JsonNode stage = funnel.get("stages").get(i);
            assertThat(stage.get("name").asString()).isEqualTo(expected[i][0]);
            assertThat(stage.get("stageId").asString()).isEqualTo(stageId(process, i));
            assertThat(stage.get("count").asLong()).as("count of %s", expected[i][0]).isEqualTo(((Integer) expected[i][1]).longValue());
            assertThat(stage.get("amount").decimalValue()).isEqualByComparingTo((String) expected[i][2]);
            assertThat(stage.get("weightedAmount").decimalValue()).isEqualByComparingTo((String) expected[i][3]);
            assertThat(stage.get("reached").asLong()).as("reached %s", expected[i][0]).isEqualTo(((Integer) expected[i][4]).longValue());
            assertThat(stage.get("conversionToNext").decimalValue()).isEqualByComparingTo((String) expected[i][5]);
        }
        assertThat(funnel.get("stages").get(0).get("averageDaysInStage").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(funnel.get("forecast").decimalValue()).isEqualByComparingTo("10400.00");
        assertThat(funnel.get("won").get("amount").decimalValue()).isEqualByComparingTo("7000.00");
        assertThat(funnel.get("lost").get("count").asLong()).isEqualTo(1);
        assertThat(funnel.get("invalid").get("amount").decimalValue()).isEqualByComparingTo("9999.00");
        assertThat(funnel.get("winRate").decimalValue()).isEqualByComparingTo("0.5");

        Api.Response otherStore = api().get("/api/opportunities/funnel?salesProcessId=" + process.get("id").asString()
                + "&storeId=" + cast.store2, cast.manager.bearer());
        assertThat(otherStore.json().get("forecast").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void countsWholeMonthsAndPartMonthsOfAPeriodAndEachOwnerAlike() {
        JsonNode process = process("Totals");
        String processId = process.get("id").asString();
        List<String> december = List.of(opportunity(process, 0, "100.00", "2027-12-31"),
                opportunity(process, 0, "200.00", "2027-12-31"), opportunity(process, 0, "300.00", "2027-12-31"));
        List<String> january = List.of(opportunity(process, 0, "400.00", "2028-01-15"),
                opportunity(process, 0, "500.00", "2028-01-15"));
        clock.moveBy(Duration.ofDays(3));
        for (String id : List.of(december.get(0), december.get(1), january.get(0))) {
            assertThat(advance(id, cast.manager, Map.of("feedback", Map.of("budget", "ok"))).status()).isEqualTo(200);
        }
        assertThat(advance(december.get(1), cast.manager, Map.of()).status()).isEqualTo(200);
        assertThat(api().post("/api/opportunities/" + december.get(1) + "/win", cast.rep.bearer(), Map.of()).status())
                .isEqualTo(200);
        assertThat(api().post("/api/opportunities/" + january.get(1) + "/lose", cast.rep.bearer(),
                Map.of("reason", "no budget")).status()).isEqualTo(200);

        // period -> opportunities expected to close in it (3 in December, 2 on 15 January)
        Map<String, Long> periods = Map.of("", 5L, "&closeFrom=2027-12-01&closeTo=2027-12-31", 3L,
                "&closeFrom=2027-12-15&closeTo=2028-01-20", 5L, "&closeFrom=2028-01-15", 2L, "&closeTo=2028-01-14", 3L,
                "&closeFrom=2028-01-15&closeTo=2028-01-15", 2L, "&closeFrom=2027-11-01&closeTo=2028-02-29", 5L,
                "&closeFrom=2028-01-16", 0L);
        periods.forEach((period, expected) -> {
            String query = "/api/opportunities/funnel?salesProcessId=" + processId + period;
            JsonNode everyOwner = api().get(query, cast.manager.bearer()).json();
            assertThat(total(everyOwner)).as("opportunities of %s", period).isEqualTo(expected);
            assertThat(api().get(query + "&ownerId=" + cast.rep.id(), cast.manager.bearer()).json())
                    .as("funnel of %s for the rep, their only owner", period).isEqualTo(everyOwner);
            assertThat(api().get(query, cast.rep.bearer()).json()).as("the rep's own funnel of %s", period)
                    .isEqualTo(everyOwner);
            assertThat(total(api().get(query + "&ownerId=" + cast.otherRep.id(), cast.manager.bearer()).json()))
                    .isZero();
            assertThat(total(api().get(query + "&ownerId=" + cast.otherRep.id(), cast.rep.bearer()).json())).isZero();
        });
        JsonNode all = api().get("/api/opportunities/funnel?salesProcessId=" + processId, cast.manager.bearer()).json();
        assertThat(all.get("stages").get(0).get("count").asLong()).isEqualTo(1);
        assertThat(all.get("stages").get(1).get("count").asLong()).isEqualTo(2);
        assertThat(all.get("stages").get(0).get("averageDaysInStage").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(all.get("won").get("amount").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(all.get("lost").get("amount").decimalValue()).isEqualByComparingTo("500.00");
        JsonNode january15 = api().get("/api/opportunities/funnel?salesProcessId=" + processId
                + "&closeFrom=2028-01-15&closeTo=2028-01-15", cast.manager.bearer()).json();
        assertThat(january15.get("stages").get(1).get("amount").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(january15.get("stages").get(0).get("averageDaysInStage").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(january15.get("lost").get("count").asLong()).isEqualTo(1);
        assertThat(january15.get("won").get("count").asLong()).isZero();
    }

    private static long total(JsonNode funnel) {
        long open = funnel.get("stages").valueStream().mapToLong(stage -> stage.get("count").asLong()).sum();
        return open + funnel.get("won").get("count").asLong() + funnel.get("lost").get("count").asLong()
                + funnel.get("invalid").get("count").asLong();
    }

    private JsonNode process(String name) {
        Api.Response created = api().post("/api/sales-processes", cast.admin.bearer(), Map.of("name", name,
                "departmentIds", List.of(), "stages", List.of(
                        Map.of("name", "Intent", "probability", 0.1, "requiredFields", List.of("budget")),
                        Map.of("name", "Proposal", "probability", 0.4, "requiresApproval", true),
                        Map.of("name", "Negotiation", "probability", 0.8))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private String opportunity(JsonNode process, int stage, String amount) {
        return opportunity(process, stage, amount, "2026-12-31");
    }

    private String opportunity(JsonNode process, int stage, String amount, String expectedClose) {
        Api.Response created = api().post("/api/opportunities", cast.rep.bearer(), Map.of("accountId", accountId,
                "name", "Pallets " + amount, "amount", new java.math.BigDecimal(amount),
                "salesProcessId", process.get("id").asString(), "stageId", stageId(process, stage),
                "expectedCloseDate", expectedClose));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private Api.Response advance(String opportunity, StoreCast.User by, Map<String, Object> body) {
        return api().post("/api/opportunities/" + opportunity + "/advance", by.bearer(), body);
    }

    private static String stageId(JsonNode process, int index) {
        return process.get("stages").get(index).get("id").asString();
    }
}
