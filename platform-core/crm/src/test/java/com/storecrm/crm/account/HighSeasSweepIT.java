package com.storecrm.crm.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import com.storecrm.crm.support.StoreCast;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import java.time.Duration;
import java.util.ArrayList;
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
 * The set-based high-seas sweep: a round larger than one chunk moves every overdue customer, each
 * with exactly one history entry and one event, leaves the others alone, and a second round finds
 * nothing left; the tenant administrator may run the round of their own tenant now, nobody else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HighSeasSweepIT extends CrmIntegrationTest {

    private static final int CHUNK = 3;

    @Autowired
    private HighSeas highSeas;

    private StoreCast cast;
    private TenantScope job;

    @BeforeAll
    void aCast() {
        cast = new StoreCast(FIXTURES, TOKENS, "high_seas_sweep");
        job = TenantScope.platformJob(cast.tenant.id(), cast.tenant.slug(), cast.tenant.schema());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void movesEveryOverdueCustomerInChunksAndJournalsEachOnce() {
        List<UUID> overdue = new ArrayList<>();
        for (int i = 0; i < 3 * CHUNK + 1; i++) {
            overdue.add(UUID.fromString(account("+86 139 6666 %04d".formatted(i))));
        }
        clock.moveBy(Duration.ofDays(31));
        UUID recent = UUID.fromString(account("+86 139 6666 9999"));

        List<UUID> moved = TenantContext.callAs(job, () -> highSeas.moveOverdue(job, CHUNK));

        assertThat(moved).containsExactlyInAnyOrderElementsOf(overdue);
        for (UUID account : overdue) {
            JsonNode view = api().get("/api/accounts/" + account, cast.manager.bearer()).json();
            assertThat(view.get("ownership").asString()).isEqualTo("HIGH_SEAS");
            assertThat(view.get("ownerId").isNull()).isTrue();
            List<JsonNode> history = api().get("/api/accounts/" + account + "/ownership-history",
                    cast.manager.bearer()).json().valueStream().toList();
            assertThat(history).extracting(e -> e.get("action").asString() + ">" + e.get("to").asString())
                    .containsExactly("CREATE>OWNED", "MOVE_FOR_NO_RETURN_VISIT>HIGH_SEAS");
            JsonNode move = history.get(1);
            assertThat(move.get("from").asString()).isEqualTo("OWNED");
            assertThat(move.get("fromOwner").asString()).isEqualTo(cast.rep.id().toString());
            assertThat(move.get("reason").asString()).isEqualTo("no return visit within 30 days");
            assertThat(move.get("actorId").asString()).isEqualTo(job.userId().toString());
            assertThat(events.of(CustomerMovedToHighSeas.class)).filteredOn(e -> e.accountId().equals(account))
                    .singleElement().satisfies(e -> {
                        assertThat(e.cause()).isEqualTo(OwnershipAction.MOVE_FOR_NO_RETURN_VISIT);
                        assertThat(e.previousOwnerId()).isEqualTo(cast.rep.id());
                        assertThat(e.storeId()).isEqualTo(cast.store1);
                    });
        }
        assertThat(api().get("/api/accounts/" + recent, cast.rep.bearer()).json().get("ownership").asString())
                .isEqualTo("OWNED");

        assertThat(TenantContext.callAs(job, () -> highSeas.moveOverdue(job, CHUNK))).isEmpty();
        assertThat(events.of(CustomerMovedToHighSeas.class)).filteredOn(e -> overdue.contains(e.accountId()))
                .hasSize(overdue.size());
    }

    @Test
    void letsOnlyTheTenantAdministratorRunTheSweepNow() {
        String account = account("+86 139 6666 8888");
        clock.moveBy(Duration.ofDays(31));

        for (StoreCast.User refused : List.of(cast.rep, cast.manager, cast.hq)) {
            Api.Response forbidden = api().post("/api/high-seas/sweeps", refused.bearer(), Map.of());
            assertThat(forbidden.status()).as(forbidden.toString()).isEqualTo(403);
            assertThat(forbidden.isProblem()).isTrue();
        }
        assertThat(api().post("/api/high-seas/sweeps", cast.otherTenantAdmin.bearer(), Map.of()).status())
                .isEqualTo(200);
        assertThat(api().get("/api/accounts/" + account, cast.rep.bearer()).json().get("ownership").asString())
                .isEqualTo("OWNED");

        Api.Response swept = api().post("/api/high-seas/sweeps", cast.admin.bearer(), Map.of());
        assertThat(swept.status()).as(swept.toString()).isEqualTo(200);
        assertThat(swept.json().get("moved").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(api().get("/api/accounts/" + account, cast.manager.bearer()).json().get("ownership").asString())
                .isEqualTo("HIGH_SEAS");
    }

    private String account(String mobile) {
        Api.Response created = api().post("/api/accounts", cast.rep.bearer(), Map.of("storeId", cast.store1.toString(),
                "name", "Customer " + mobile, "mobile", mobile));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
