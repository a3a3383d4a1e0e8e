package com.storecrm.crm.pool;

import static com.storecrm.crm.pool.PoolCast.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.storecrm.crm.support.Api;
import com.storecrm.crm.support.CrmIntegrationTest;
import com.storecrm.tenancy.TenantScope;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The follow-up timeout of pools: warning first, then the automatic return, tenant by tenant, on a moved clock. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoolTimeoutsIT extends CrmIntegrationTest {

    @Autowired
    private PoolTimeouts timeouts;

    private PoolCast cast;
    private PoolCast otherTenant;

    @BeforeAll
    void tenants() {
        cast = new PoolCast(FIXTURES, TOKENS, api(), "pools_timeout_a");
        otherTenant = new PoolCast(FIXTURES, TOKENS, api(), "pools_timeout_b");
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void warnsTheOwnerBeforeTheTimeoutThenReturnsTheLeadToThePool() {
        UUID pool = cast.pool(Map.of("followUpTimeoutHours", 24, "returnWarningHours", 6));
        UUID lead = claimed(cast, pool);
        Instant claimedAt = Instant.now(clock);
        UUID otherPool = otherTenant.pool(Map.of("followUpTimeoutHours", 72));
        UUID otherLead = claimed(otherTenant, otherPool);

        assertThat(round(lead).warned()).isEmpty();
        clock.moveBy(Duration.ofHours(17));
        assertThat(round(lead).warned()).as("the warning comes 6 hours before the timeout").isEmpty();
        clock.moveBy(Duration.ofHours(2));
        PoolTimeouts.Round warning = round(lead);
        assertThat(warning.warned()).singleElement().satisfies(w -> {
            assertThat(w.ownerId()).isEqualTo(cast.rep.id());
            assertThat(w.tenantId()).isEqualTo(cast.tenant.id());
            assertThat(w.returnAt()).isCloseTo(claimedAt.plus(Duration.ofHours(24)), within());
        });
        assertThat(warning.returned()).isEmpty();
        assertThat(round(lead).warned()).as("warned once").isEmpty();
        assertThat(cast.read(lead).get("status").asString()).isEqualTo("PENDING");

        clock.moveBy(Duration.ofHours(6));
        PoolTimeouts.Round timedOut = round(lead);

        assertThat(timedOut.returned()).singleElement().satisfies(r -> {
            assertThat(r.way()).isEqualTo(LeadReturnedToPool.Way.TIMED_OUT);
            assertThat(r.previousOwnerId()).isEqualTo(cast.rep.id());
        });
        JsonNode read = cast.read(lead);
        assertThat(read.get("status").asString()).isEqualTo("UNASSIGNED");
        assertThat(read.get("ownerId").isNull()).isTrue();
        assertThat(read.get("poolId").asString()).isEqualTo(pool.toString());
        JsonNode last = lastHistoryEntry(cast, lead);
        assertThat(last.get("action").asString()).isEqualTo("RETURN");
        assertThat(last.get("actorId").asString()).isEqualTo(TenantScope.PLATFORM_JOB_USER.toString());
        assertThat(last.get("reason").asString()).contains("timeout");
        assertThat(round(lead).returned()).as("returned once").isEmpty();

        assertThat(otherTenant.read(otherLead).get("status").asString()).as("the other tenant's 72 hours run on")
                .isEqualTo("PENDING");
        assertThat(round(otherLead).warned()).isEmpty();
    }

    @Test
    void aBatchClaimStartsTheClockOfEveryLeadItClaims() {
        UUID pool = cast.pool(Map.of("followUpTimeoutHours", 24, "returnWarningHours", 6));
        List<UUID> leads = cast.leads(pool, 3);
        JsonNode answer = cast.ok(cast.claim(pool, cast.rep, leads));
        assertThat(answer.get("claimed").size()).isEqualTo(3);

        clock.moveBy(Duration.ofHours(19));
        PoolTimeouts.Round warning = timeouts.run();
        assertThat(warning.warned()).filteredOn(w -> leads.contains(w.leadId())).as("every lead's clock runs")
                .hasSize(3).allMatch(w -> w.ownerId().equals(cast.rep.id()));
        clock.moveBy(Duration.ofHours(6));
        PoolTimeouts.Round timedOut = timeouts.run();
        assertThat(timedOut.returned()).filteredOn(r -> leads.contains(r.leadId())).hasSize(3);
        for (UUID lead : leads) {
            assertThat(cast.read(lead).get("status").asString()).isEqualTo("UNASSIGNED");
        }
    }

    @Test
    void aFollowUpStopsTheClock() {
        UUID pool = cast.pool(Map.of("followUpTimeoutHours", 24));
        UUID lead = claimed(cast, pool);
        Api.Response activity = api().post("/api/leads/" + lead + "/activities", cast.rep.bearer(),
                Map.of("kind", "CALL", "result", "interested"));
        assertThat(activity.status()).as(activity.toString()).isEqualTo(201);

        clock.moveBy(Duration.ofHours(30));
        PoolTimeouts.Round first = round(lead);
        PoolTimeouts.Round second = round(lead);

        assertThat(first.warned()).isEmpty();
        assertThat(second.returned()).isEmpty();
        assertThat(cast.read(lead).get("status").asString()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aLeadPastItsTimeoutIsWarnedBeforeItIsReturned() {
        UUID pool = cast.pool(Map.of("followUpTimeoutHours", 4));
        UUID lead = claimed(cast, pool);
        clock.moveBy(Duration.ofHours(5));

        PoolTimeouts.Round first = round(lead);
        PoolTimeouts.Round second = round(lead);

        assertThat(first.warned()).hasSize(1);
        assertThat(first.returned()).isEmpty();
        assertThat(second.returned()).hasSize(1);
        assertThat(cast.read(lead).get("status").asString()).isEqualTo("UNASSIGNED");
    }

    @Test
    void aPoolWithoutAutomaticReturnReportsTheLeadOverdueOnceAndKeepsIt() {
        UUID pool = cast.pool(Map.of("followUpTimeoutHours", 2, "autoReturn", false));
        UUID lead = claimed(cast, pool);
        clock.moveBy(Duration.ofHours(3));

        round(lead);
        PoolTimeouts.Round due = round(lead);
        PoolTimeouts.Round again = round(lead);

        assertThat(due.overdue()).singleElement().satisfies(o -> assertThat(o.ownerId()).isEqualTo(cast.rep.id()));
        assertThat(again.overdue()).isEmpty();
        assertThat(cast.read(lead).get("ownerId").asString()).isEqualTo(cast.rep.id().toString());
    }

    private UUID claimed(PoolCast in, UUID pool) {
        UUID lead = in.lead(pool);
        in.ok(in.operate(pool, "claim", in.rep, Map.of("leadIds", ids(List.of(lead)))));
        return lead;
    }

    /** One round of the job, narrowed to what it did to {@code lead} (other test classes leave their leads behind). */
    private PoolTimeouts.Round round(UUID lead) {
        PoolTimeouts.Round round = timeouts.run();
        return new PoolTimeouts.Round(
                round.warned().stream().filter(w -> w.leadId().equals(lead)).toList(),
                round.returned().stream().filter(r -> r.leadId().equals(lead)).toList(),
                round.overdue().stream().filter(o -> o.leadId().equals(lead)).toList());
    }

    private JsonNode lastHistoryEntry(PoolCast in, UUID lead) {
        JsonNode history = api().get("/api/leads/" + lead + "/history", in.admin.bearer()).json();
        return history.get(history.size() - 1);
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return new org.assertj.core.data.TemporalUnitWithinOffset(1, ChronoUnit.MINUTES);
    }
}
