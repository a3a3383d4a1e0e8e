package com.storecrm.crm.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every state against every action, checked against this test's own copy of the ownership table. */
class CustomerOwnershipTests {

    private static final Map<String, OwnershipStatus> EXPECTED = Map.of(
            "OWNED>RELEASE", OwnershipStatus.HIGH_SEAS,
            "OWNED>MOVE_FOR_NO_RETURN_VISIT", OwnershipStatus.HIGH_SEAS,
            "OWNED>RECORD_RETURN_VISIT", OwnershipStatus.OWNED,
            "AWAITING_RETURN_VISIT>RELEASE", OwnershipStatus.HIGH_SEAS,
            "AWAITING_RETURN_VISIT>MISS_RETURN_VISIT_DEADLINE", OwnershipStatus.HIGH_SEAS,
            "AWAITING_RETURN_VISIT>RECORD_RETURN_VISIT", OwnershipStatus.OWNED,
            "HIGH_SEAS>APPLY_TO_CLAIM", OwnershipStatus.CLAIM_PENDING,
            "CLAIM_PENDING>APPROVE_CLAIM", OwnershipStatus.AWAITING_RETURN_VISIT,
            "CLAIM_PENDING>REFUSE_CLAIM", OwnershipStatus.HIGH_SEAS);

    static Stream<Arguments> everyPair() {
        return Arrays.stream(OwnershipStatus.values()).flatMap(from -> Arrays.stream(OwnershipAction.values())
                .map(action -> Arguments.of(from, action)));
    }

    @ParameterizedTest(name = "{0} --{1}-->")
    @MethodSource("everyPair")
    void movesOnlyAlongTheTable(OwnershipStatus from, OwnershipAction action) {
        OwnershipStatus expected = EXPECTED.get(from + ">" + action);
        if (expected != null) {
            assertThat(CustomerOwnership.next(from, action)).isEqualTo(expected);
            assertThat(CustomerOwnership.allows(from, action)).isTrue();
        } else {
            assertThatThrownBy(() -> CustomerOwnership.next(from, action))
                    .isInstanceOf(IllegalOwnershipTransition.class)
                    .satisfies(e -> assertThat(((IllegalOwnershipTransition) e).current()).isEqualTo(from));
            assertThat(CustomerOwnership.allows(from, action)).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void listsEveryMoveOfAnAction(OwnershipAction action) {
        Map<OwnershipStatus, OwnershipStatus> expected = new EnumMap<>(OwnershipStatus.class);
        EXPECTED.forEach((pair, to) -> {
            String[] parts = pair.split(">");
            if (parts[1].equals(action.name())) {
                expected.put(OwnershipStatus.valueOf(parts[0]), to);
            }
        });
        assertThat(CustomerOwnership.moves(action)).isEqualTo(expected);
    }

    static Stream<OwnershipAction> actions() {
        return Arrays.stream(OwnershipAction.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("states")
    void onlyOwnedAndClaimedCustomersHaveAnOwner(OwnershipStatus state) {
        assertThat(CustomerOwnership.owned(state))
                .isEqualTo(state == OwnershipStatus.OWNED || state == OwnershipStatus.AWAITING_RETURN_VISIT);
    }

    static Stream<OwnershipStatus> states() {
        return Arrays.stream(OwnershipStatus.values());
    }
}
