package com.storecrm.crm.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import com.storecrm.crm.support.StoreCast;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A customer's way through the high seas with a moved clock: moved for want of a return visit, a
 * claim refused, a claim approved, the missed return-visit deadline sending it back; each step
 * audited and published, and every illegal step a 409.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HighSeasLifecycleIT extends CrmIntegrationTest {

    @Autowired
    private HighSeasJobs jobs;

    private StoreCast cast;

    @BeforeAll
    void aCast() {
        cast = new StoreCast(FIXTURES, TOKENS, "high_seas");
        Api.Response rules = api().put("/api/high-seas/rules", cast.admin.bearer(),
                Map.of("daysWithoutReturnVisit", 30, "returnVisitDaysAfterClaim", 7));
        assertThat(rules.status()).as(rules.toString()).isEqualTo(200);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void movesRefusesApprovesAndTakesBackACustomer() {
        String account = account("+86 139 5555 0001");
        clock.moveBy(Duration.ofDays(29));
        assertThat(jobs.moveOverdueCustomers()).doesNotContain(UUID.fromString(account));

        clock.moveBy(Duration.ofDays(2));
        assertThat(jobs.moveOverdueCustomers()).contains(UUID.fromString(account));
        assertThat(state(account, cast.manager)).isEqualTo("HIGH_SEAS");
        assertThat(events.of(CustomerMovedToHighSeas.class)).filteredOn(e -> e.accountId().toString().equals(account))
                .singleElement().satisfies(e -> {
                    assertThat(e.cause()).isEqualTo(OwnershipAction.MOVE_FOR_NO_RETURN_VISIT);
                    assertThat(e.previousOwnerId()).isEqualTo(cast.rep.id());
                });

        Api.Response noReason = api().post("/api/accounts/" + account + "/claims", cast.otherRep.bearer(), Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        String refused = apply(account, cast.otherRep, "I met them at the fair");
        Api.Response second = api().post("/api/accounts/" + account + "/claims", cast.rep.bearer(),
                Map.of("reason", "mine before"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("currentState").asString()).isEqualTo("CLAIM_PENDING");
        assertThat(api().post("/api/high-seas/claims/" + refused + "/approve", cast.otherRep.bearer(), Map.of())
                .status()).isEqualTo(403);
        Api.Response refusal = api().post("/api/high-seas/claims/" + refused + "/refuse", cast.manager.bearer(),
                Map.of("note", "not your region"));
        assertThat(refusal.json().get("status").asString()).isEqualTo("REFUSED");
        assertThat(state(account, cast.manager)).isEqualTo("HIGH_SEAS");
        assertThat(api().post("/api/high-seas/claims/" + refused + "/approve", cast.manager.bearer(), Map.of())
                .status()).isEqualTo(409);

        String approved = apply(account, cast.otherRep, "they called me back");
        Api.Response approval = api().post("/api/high-seas/claims/" + approved + "/approve", cast.manager.bearer(),
                Map.of("note", "go ahead"));
        assertThat(approval.status()).as(approval.toString()).isEqualTo(200);
        JsonNode claimed = api().get("/api/accounts/" + account, cast.otherRep.bearer()).json();
        assertThat(claimed.get("ownership").asString()).isEqualTo("AWAITING_RETURN_VISIT");
        assertThat(claimed.get("ownerId").asString()).isEqualTo(cast.otherRep.id().toString());
        assertThat(api().get("/api/accounts/" + account, cast.rep.bearer()).status()).isEqualTo(404);
        assertThat(events.of(HighSeasClaimDecided.class)).filteredOn(e -> e.accountId().toString().equals(account))
                .extracting(HighSeasClaimDecided::approved).containsExactly(false, true);
        assertThat(events.of(HighSeasClaimApplied.class)).filteredOn(e -> e.accountId().toString().equals(account))
                .hasSize(2);

        clock.moveBy(Duration.ofDays(8));
        assertThat(jobs.moveOverdueCustomers()).contains(UUID.fromString(account));
        assertThat(state(account, cast.manager)).isEqualTo("HIGH_SEAS");
        assertThat(events.of(CustomerMovedToHighSeas.class)).filteredOn(e -> e.accountId().toString().equals(account))
                .extracting(CustomerMovedToHighSeas::cause)
                .containsExactly(OwnershipAction.MOVE_FOR_NO_RETURN_VISIT, OwnershipAction.MISS_RETURN_VISIT_DEADLINE);

        List<String> audit = api().get("/api/accounts/" + account + "/ownership-history", cast.manager.bearer()).json()
                .valueStream().map(e -> e.get("action").asString() + ">" + e.get("to").asString()).toList();
        assertThat(audit).containsExactly("CREATE>OWNED", "MOVE_FOR_NO_RETURN_VISIT>HIGH_SEAS",
                "APPLY_TO_CLAIM>CLAIM_PENDING", "REFUSE_CLAIM>HIGH_SEAS", "APPLY_TO_CLAIM>CLAIM_PENDING",
                "APPROVE_CLAIM>AWAITING_RETURN_VISIT", "MISS_RETURN_VISIT_DEADLINE>HIGH_SEAS");
        assertThat(ids(api().get("/api/high-seas/claims?view=mine", cast.otherRep.bearer()))).contains(refused, approved);
        assertThat(ids(api().get("/api/high-seas/claims?view=review", cast.manager.bearer()))).contains(refused, approved);
        assertThat(api().get("/api/high-seas/claims?view=review", cast.otherRep.bearer()).status()).isEqualTo(403);
        assertThat(api().get("/api/high-seas/claims/" + approved, cast.repOfStore2.bearer()).status()).isEqualTo(404);
    }

    @Test
    void letsTheOwnerReleaseButRefusesIllegalMoves() {
        String account = account("+86 139 5555 0002");
        Api.Response released = api().post("/api/accounts/" + account + "/release", cast.rep.bearer(),
                Map.of("reason", "no longer buying"));
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        assertThat(released.json().get("ownership").asString()).isEqualTo("HIGH_SEAS");
        assertThat(events.of(CustomerMovedToHighSeas.class)).filteredOn(e -> e.accountId().toString().equals(account))
                .singleElement().satisfies(e -> assertThat(e.cause()).isEqualTo(OwnershipAction.RELEASE));

        Api.Response again = api().post("/api/accounts/" + account + "/release", cast.manager.bearer(),
                Map.of("reason", "twice"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(again.json().get("currentState").asString()).isEqualTo("HIGH_SEAS");
    }

    @Test
    void onlyChangesRulesForTheTenantAdministrator() {
        assertThat(api().put("/api/high-seas/rules", cast.manager.bearer(),
                Map.of("daysWithoutReturnVisit", 3, "returnVisitDaysAfterClaim", 1)).status()).isEqualTo(403);
        Api.Response invalid = api().put("/api/high-seas/rules", cast.admin.bearer(),
                Map.of("daysWithoutReturnVisit", 0, "returnVisitDaysAfterClaim", 1));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("daysWithoutReturnVisit");
        assertThat(api().get("/api/high-seas/rules", cast.rep.bearer()).json().get("daysWithoutReturnVisit").asInt())
                .isEqualTo(30);
    }

    private String account(String mobile) {
        Api.Response created = api().post("/api/accounts", cast.rep.bearer(), Map.of("storeId", cast.store1.toString(),
                "name", "Customer " + mobile, "mobile", mobile, "province", "Anhui", "city", "Hefei"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String apply(String account, StoreCast.User by, String reason) {
        Api.Response claim = api().post("/api/accounts/" + account + "/claims", by.bearer(), Map.of("reason", reason));
        assertThat(claim.status()).as(claim.toString()).isEqualTo(201);
        assertThat(claim.json().get("status").asString()).isEqualTo("PENDING");
        return claim.json().get("id").asString();
    }

    private String state(String account, StoreCast.User by) {
        return api().get("/api/accounts/" + account, by.bearer()).json().get("ownership").asString();
    }

    private static List<String> ids(Api.Response page) {
        return page.json().get("content").valueStream().map(n -> n.get("id").asString()).toList();
    }
}
