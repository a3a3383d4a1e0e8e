package com.storecrm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storecrm.bench.ChangePlan.Change;
import com.storecrm.bench.ChangePlan.Kind;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangePlanTest {

    private final ChangePlan plan = new ChangePlan(50, 4);

    @Test
    void sixInsertsThreeUpdatesAndOneDeleteInEveryTenTurnsOfATenant() {
        for (int tenant = 0; tenant < 50; tenant++) {
            Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
            for (long turn = 0; turn < 10; turn++) {
                Change change = plan.change(turn * 50 + tenant);
                assertThat(change.tenant()).isEqualTo(tenant);
                kinds.merge(change.kind(), 1, Integer::sum);
            }
            assertThat(kinds).containsEntry(Kind.INSERT, 6).containsEntry(Kind.UPDATE, 3).containsEntry(Kind.DELETE, 1);
        }
    }

    @Test
    void anyRoundOfTenantsMixesTheKinds() {
        for (long round = 0; round < 20; round++) {
            Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
            for (long n = round * 50; n < (round + 1) * 50; n++) {
                kinds.merge(plan.change(n).kind(), 1, Integer::sum);
            }
            assertThat(kinds).containsEntry(Kind.INSERT, 30).containsEntry(Kind.UPDATE, 15).containsEntry(Kind.DELETE, 5);
        }
    }

    @Test
    void consecutiveChangesGoToDifferentTenantsAndEachTenantUsesAllItsStores() {
        Set<Integer> stores = new HashSet<>();
        for (long n = 0; n < 1_000; n++) {
            assertThat(plan.change(n).tenant()).isNotEqualTo(plan.change(n + 1).tenant());
            if (plan.change(n).tenant() == 3) {
                stores.add(plan.change(n).store());
            }
        }
        assertThat(stores).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void needsATenantWithAStore() {
        assertThatThrownBy(() -> new ChangePlan(0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChangePlan(50, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
