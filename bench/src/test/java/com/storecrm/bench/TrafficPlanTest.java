package com.storecrm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storecrm.bench.TrafficPlan.Kind;
import com.storecrm.bench.TrafficPlan.Slot;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrafficPlanTest {

    private final TrafficPlan plan = new TrafficPlan(50, 4);

    @Test
    void everyTenantGetsOneCreateAndOneReadInEachRoundOfTwoTimesTheTenants() {
        for (long round = 0; round < 10; round++) {
            Map<Integer, Map<Kind, Integer>> seen = new HashMap<>();
            for (long n = round * 100; n < (round + 1) * 100; n++) {
                Slot slot = plan.mixed(n);
                seen.computeIfAbsent(slot.tenant(), tenant -> new HashMap<>()).merge(slot.kind(), 1, Integer::sum);
            }
            assertThat(seen).hasSize(50);
            assertThat(seen.values()).allSatisfy(kinds -> assertThat(kinds).containsEntry(Kind.CREATE, 1).containsEntry(Kind.GET, 1));
        }
    }

    @Test
    void consecutiveRequestsGoToDifferentTenants() {
        for (long n = 0; n < 1_000; n++) {
            assertThat(plan.mixed(n).tenant()).isNotEqualTo(plan.mixed(n + 1).tenant());
        }
    }

    @Test
    void aTenantsCreatesCycleThroughItsStores() {
        Set<Integer> stores = new HashSet<>();
        for (long n = 7; n < 8 * 50 + 7; n += 50) {
            Slot slot = plan.mixed(n);
            assertThat(slot.tenant()).isEqualTo(7);
            if (slot.kind() == Kind.CREATE) {
                stores.add(slot.store());
            }
        }
        assertThat(stores).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void theSeedCreatesOneLeadInEveryStoreOfEveryTenant() {
        Set<String> stores = new HashSet<>();
        for (long n = 0; n < plan.seedRequests(); n++) {
            Slot slot = plan.seed(n);
            assertThat(slot.kind()).isEqualTo(Kind.CREATE);
            stores.add(slot.tenant() + "/" + slot.store());
        }
        assertThat(plan.seedRequests()).isEqualTo(200);
        assertThat(stores).hasSize(200);
    }

    @Test
    void needsATenantWithAStore() {
        assertThatThrownBy(() -> new TrafficPlan(0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrafficPlan(3, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
