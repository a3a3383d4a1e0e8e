package com.storecrm.crm.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.storecrm.crm.account.HighSeasJobs;
import com.storecrm.crm.account.ReturnVisitRecorded;
import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import com.storecrm.crm.support.StoreCast;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
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
 * Visits on a real database: the check-in tolerance measured against the customer's location, the
 * lifecycle's refusals, duration and collected data at check-out, planned-versus-completed figures,
 * and a completed visit keeping an approved high-seas claim.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisitIT extends CrmIntegrationTest {

    // People's Square, Shanghai; 0.01 degree of latitude is about 1112 m, 0.0004 about 44 m.
    private static final double LAT = 31.2304;
    private static final double LNG = 121.4737;

    @Autowired
    private HighSeasJobs jobs;

    private StoreCast cast;

    @BeforeAll
    void aCastWithATolerance() {
        cast = new StoreCast(FIXTURES, TOKENS, "visits");
        Api.Response rules = api().put("/api/visits/rules", cast.admin.bearer(), Map.of("checkInToleranceMeters", 200));
        assertThat(rules.status()).as(rules.toString()).isEqualTo(200);
        assertThat(api().put("/api/high-seas/rules", cast.admin.bearer(),
                Map.of("daysWithoutReturnVisit", 30, "returnVisitDaysAfterClaim", 7)).status()).isEqualTo(200);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void refusesACheckInBeyondTheToleranceAndCompletesAVisitWithinIt() {
        String account = account(cast.rep, cast.store1, "+86 139 7777 0001", LAT, LNG);
        String visit = plan(cast.rep, account, "PLANNED", Instant.now(clock).plusSeconds(3600));

        Api.Response far = checkIn(cast.rep, visit, LAT + 0.01, LNG);
        assertThat(far.status()).as(far.toString()).isEqualTo(409);
        assertThat(far.isProblem()).isTrue();
        assertThat(far.json().get("detail").asString()).contains("1112 m").contains("200 m");
        assertThat(far.json().get("distanceMeters").asLong()).isEqualTo(1112);
        assertThat(far.json().get("toleranceMeters").asInt()).isEqualTo(200);
        assertThat(get(cast.rep, visit).get("status").asString()).isEqualTo("PLANNED");

        Api.Response near = checkIn(cast.rep, visit, LAT + 0.0004, LNG);
        assertThat(near.status()).as(near.toString()).isEqualTo(200);
        assertThat(near.json().get("status").asString()).isEqualTo("CHECKED_IN");
        assertThat(near.json().get("checkInDistanceMeters").asDouble()).isCloseTo(44.5, within(1.0));
        Api.Response twice = checkIn(cast.rep, visit, LAT, LNG);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("currentStatus").asString()).isEqualTo("CHECKED_IN");

        clock.moveBy(Duration.ofMinutes(45));
        Api.Response out = api().post("/api/visits/" + visit + "/check-out", cast.rep.bearer(), Map.of("latitude", LAT,
                "longitude", LNG, "collectedData", Map.of("palletsInStock", 120, "competitorSeen", true),
                "summary", "they want 40 more pallets"));
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        assertThat(out.json().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(out.json().get("durationSeconds").asLong()).isBetween(2700L, 2760L);
        assertThat(out.json().get("collectedData").get("palletsInStock").asInt()).isEqualTo(120);
        assertThat(events.of(VisitCompleted.class)).filteredOn(e -> e.visitId().toString().equals(visit))
                .singleElement().satisfies(e -> {
                    assertThat(e.accountId().toString()).isEqualTo(account);
                    assertThat(e.visitorId()).isEqualTo(cast.rep.id());
                    assertThat(e.durationSeconds()).isBetween(2700L, 2760L);
                });

        Api.Response cancel = api().post("/api/visits/" + visit + "/cancel", cast.rep.bearer(), Map.of("reason", "x"));
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.json().get("currentStatus").asString()).isEqualTo("COMPLETED");
        assertThat(api().post("/api/visits/" + visit + "/check-out", cast.rep.bearer(),
                Map.of("latitude", LAT, "longitude", LNG)).status()).isEqualTo(409);
    }

    @Test
    void refusesACheckOutBeforeTheCheckInAndLetsOnlyTheVisitorCheckIn() {
        String account = account(cast.rep, cast.store1, "+86 139 7777 0002", LAT, LNG);
        String visit = plan(cast.rep, account, "AD_HOC", null);
        Api.Response early = api().post("/api/visits/" + visit + "/check-out", cast.rep.bearer(),
                Map.of("latitude", LAT, "longitude", LNG));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("currentStatus").asString()).isEqualTo("PLANNED");
        assertThat(checkIn(cast.manager, visit, LAT, LNG).status()).isEqualTo(403);
        assertThat(api().post("/api/visits/" + visit + "/cancel", cast.manager.bearer(), Map.of()).json()
                .get("status").asString()).isEqualTo("CANCELLED");
        assertThat(checkIn(cast.rep, visit, LAT, LNG).status()).isEqualTo(409);
    }

    @Test
    void measuresAgainstThePlannedTargetAndChecksInAnywhereWithoutOne() {
        String noLocation = account(cast.rep, cast.store1, "+86 139 7777 0003", null, null);
        String anywhere = plan(cast.rep, noLocation, "AD_HOC", null);
        Api.Response in = checkIn(cast.rep, anywhere, 10.0, 10.0);
        assertThat(in.status()).as(in.toString()).isEqualTo(200);
        assertThat(in.json().get("checkInDistanceMeters").isNull()).isTrue();

        Map<String, Object> targeted = new HashMap<>(Map.of("accountId", noLocation, "kind", "AD_HOC",
                "targetLatitude", LAT, "targetLongitude", LNG));
        String visit = api().post("/api/visits", cast.rep.bearer(), targeted).json().get("id").asString();
        assertThat(checkIn(cast.rep, visit, 10.0, 10.0).status()).isEqualTo(409);
        assertThat(checkIn(cast.rep, visit, LAT, LNG).status()).isEqualTo(200);
    }

    @Test
    void countsPlannedAgainstCompletedVisitsPerVisitor() {
        UUID store = cast.store2;
        String account = account(cast.repOfStore2, store, "+86 139 7777 0004", LAT, LNG);
        Instant now = Instant.now(clock);
        String done = plan(cast.repOfStore2, account, "PLANNED", now);
        String dropped = plan(cast.repOfStore2, account, "PLANNED", now);
        plan(cast.repOfStore2, account, "PLANNED", now);
        String adHoc = plan(cast.repOfStore2, account, "AD_HOC", null);
        for (String visit : List.of(done, adHoc)) {
            assertThat(checkIn(cast.repOfStore2, visit, LAT, LNG).status()).isEqualTo(200);
            assertThat(api().post("/api/visits/" + visit + "/check-out", cast.repOfStore2.bearer(),
                    Map.of("latitude", LAT, "longitude", LNG)).status()).isEqualTo(200);
        }
        assertThat(api().post("/api/visits/" + dropped + "/cancel", cast.repOfStore2.bearer(), Map.of()).status())
                .isEqualTo(200);

        String today = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
        String query = "/api/visits/stats?from=" + today + "&to=" + today + "&storeId=" + store;
        JsonNode stats = api().get(query, cast.admin.bearer()).json();
        assertThat(stats.get("rows")).hasSize(1);
        JsonNode row = stats.get("rows").get(0);
        assertThat(row.get("visitorId").asString()).isEqualTo(cast.repOfStore2.id().toString());
        assertThat(row.get("planned").asLong()).isEqualTo(3);
        assertThat(row.get("plannedCompleted").asLong()).isEqualTo(1);
        assertThat(row.get("cancelled").asLong()).isEqualTo(1);
        assertThat(row.get("completed").asLong()).isEqualTo(2);
        assertThat(row.get("adHocCompleted").asLong()).isEqualTo(1);
        assertThat(row.get("customersVisited").asLong()).isEqualTo(1);
        assertThat(row.get("completionRate").asDouble()).isCloseTo(1.0 / 3, within(1e-9));

        assertThat(api().get(query, cast.repOfStore2.bearer()).json().get("total").get("planned").asLong()).isEqualTo(3);
        assertThat(api().get(query, cast.manager.bearer()).json().get("total").get("planned").asLong()).isZero();
        assertThat(api().get("/api/visits/stats?from=" + today + "&to=" + today, cast.rep.bearer()).json()
                .get("rows").valueStream().map(r -> r.get("visitorId").asString()).distinct().toList())
                .allMatch(id -> id.equals(cast.rep.id().toString()));
        Api.Response noFrom = api().get("/api/visits/stats?to=" + today, cast.admin.bearer());
        assertThat(noFrom.status()).isEqualTo(400);
        assertThat(noFrom.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
    }

    @Test
    void keepsAnApprovedClaimWhenTheClaimantCompletesAVisit() {
        String account = account(cast.rep, cast.store1, "+86 139 7777 0005", LAT, LNG);
        clock.moveBy(Duration.ofDays(31));
        assertThat(jobs.moveOverdueCustomers()).contains(UUID.fromString(account));
        Api.Response claim = api().post("/api/accounts/" + account + "/claims", cast.otherRep.bearer(),
                Map.of("reason", "they called me"));
        assertThat(claim.status()).as(claim.toString()).isEqualTo(201);
        assertThat(api().post("/api/high-seas/claims/" + claim.json().get("id").asString() + "/approve",
                cast.manager.bearer(), Map.of()).status()).isEqualTo(200);
        assertThat(ownership(account)).isEqualTo("AWAITING_RETURN_VISIT");

        clock.moveBy(Duration.ofDays(3));
        String visit = plan(cast.otherRep, account, "AD_HOC", null);
        assertThat(checkIn(cast.otherRep, visit, LAT, LNG).status()).isEqualTo(200);
        assertThat(api().post("/api/visits/" + visit + "/check-out", cast.otherRep.bearer(),
                Map.of("latitude", LAT, "longitude", LNG)).status()).isEqualTo(200);
        assertThat(ownership(account)).isEqualTo("OWNED");
        assertThat(events.of(ReturnVisitRecorded.class)).filteredOn(e -> e.accountId().toString().equals(account))
                .singleElement().satisfies(e -> assertThat(e.ownerId()).isEqualTo(cast.otherRep.id()));

        clock.moveBy(Duration.ofDays(8));
        assertThat(jobs.moveOverdueCustomers()).doesNotContain(UUID.fromString(account));
        JsonNode kept = api().get("/api/accounts/" + account, cast.manager.bearer()).json();
        assertThat(kept.get("ownership").asString()).isEqualTo("OWNED");
        assertThat(kept.get("ownerId").asString()).isEqualTo(cast.otherRep.id().toString());
    }

    @Test
    void hidesVisitsOfOtherStoresAndTenantsAndNamesBadFields() {
        String ofStore2 = plan(cast.repOfStore2, account(cast.repOfStore2, cast.store2, "+86 139 7777 0006", LAT, LNG),
                "AD_HOC", null);
        String otherTenantAccount = account(cast.otherTenantAdmin, cast.otherTenantStore, "+86 139 7777 0006", LAT, LNG);
        String ofOtherTenant = plan(cast.otherTenantAdmin, otherTenantAccount, "AD_HOC", null);
        for (String visit : List.of(ofStore2, ofOtherTenant)) {
            assertThat(api().get("/api/visits/" + visit, cast.rep.bearer()).status()).isEqualTo(404);
            assertThat(api().get("/api/visits/" + visit, cast.manager.bearer()).status()).isEqualTo(404);
            for (String action : List.of("check-in", "check-out", "cancel")) {
                assertThat(api().post("/api/visits/" + visit + "/" + action, cast.manager.bearer(),
                        Map.of("latitude", LAT, "longitude", LNG)).status()).as(action).isEqualTo(404);
            }
        }
        assertThat(api().get("/api/visits/" + ofOtherTenant, cast.admin.bearer()).status()).isEqualTo(404);
        assertThat(api().get("/api/visits?storeId=" + cast.store2, cast.rep.bearer()).json().get("totalElements")
                .asLong()).isZero();
        Api.Response foreignAccount = api().post("/api/visits", cast.rep.bearer(),
                Map.of("accountId", otherTenantAccount, "kind", "AD_HOC"));
        assertThat(foreignAccount.status()).isEqualTo(400);
        assertThat(field(foreignAccount)).isEqualTo("accountId");

        String mine = account(cast.rep, cast.store1, "+86 139 7777 0007", LAT, LNG);
        assertThat(field(api().post("/api/visits", cast.rep.bearer(), Map.of("accountId", mine, "kind", "PLANNED"))))
                .isEqualTo("plannedAt");
        assertThat(field(api().post("/api/visits", cast.rep.bearer(), Map.of("accountId", mine, "kind", "AD_HOC",
                "coVisitorIds", List.of(cast.repOfStore2.id().toString()))))).isEqualTo("coVisitorIds");
        String visit = plan(cast.rep, mine, "AD_HOC", null);
        assertThat(field(api().post("/api/visits/" + visit + "/check-in", cast.rep.bearer(), Map.of("longitude", LNG))))
                .isEqualTo("latitude");
        assertThat(api().post("/api/visits", cast.finance.bearer(), Map.of("accountId", mine, "kind", "AD_HOC"))
                .status()).isEqualTo(403);
        assertThat(api().put("/api/visits/rules", cast.manager.bearer(), Map.of("checkInToleranceMeters", 5000))
                .status()).isEqualTo(403);
        assertThat(field(api().put("/api/visits/rules", cast.admin.bearer(), Map.of("checkInToleranceMeters", 0))))
                .isEqualTo("checkInToleranceMeters");
    }

    @Test
    void showsAVisitToItsCoVisitors() {
        String account = account(cast.rep, cast.store1, "+86 139 7777 0008", LAT, LNG);
        Api.Response created = api().post("/api/visits", cast.rep.bearer(), Map.of("accountId", account,
                "kind", "AD_HOC", "coVisitorIds", List.of(cast.otherRep.id().toString())));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String visit = created.json().get("id").asString();
        assertThat(api().get("/api/visits/" + visit, cast.otherRep.bearer()).status()).isEqualTo(200);
        assertThat(api().get("/api/visits?accountId=" + account, cast.otherRep.bearer()).json().get("content")
                .valueStream().map(v -> v.get("id").asString()).toList()).containsExactly(visit);
        assertThat(checkIn(cast.otherRep, visit, LAT, LNG).status()).isEqualTo(403);
    }

    private String account(StoreCast.User by, UUID store, String mobile, Double latitude, Double longitude) {
        Map<String, Object> body = new HashMap<>(Map.of("storeId", store.toString(), "name", "Customer " + mobile,
                "mobile", mobile));
        if (latitude != null) {
            body.put("latitude", latitude);
            body.put("longitude", longitude);
        }
        Api.Response created = api().post("/api/accounts", by.bearer(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String plan(StoreCast.User by, String account, String kind, Instant plannedAt) {
        Map<String, Object> body = new HashMap<>(Map.of("accountId", account, "kind", kind));
        if (plannedAt != null) {
            body.put("plannedAt", plannedAt.toString());
        }
        Api.Response created = api().post("/api/visits", by.bearer(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private Api.Response checkIn(StoreCast.User by, String visit, double latitude, double longitude) {
        return api().post("/api/visits/" + visit + "/check-in", by.bearer(),
                Map.of("latitude", latitude, "longitude", longitude));
    }

    private JsonNode get(StoreCast.User by, String visit) {
        return api().get("/api/visits/" + visit, by.bearer()).json();
    }

    private String ownership(String account) {
        return api().get("/api/accounts/" + account, cast.manager.bearer()).json().get("ownership").asString();
    }

    private static String field(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json().get("errors").get(0).get("field").asString();
    }
}
