package com.storecrm.crm.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VisitLifecycleTests {

    private static final Set<String> EXPECTED = Set.of("PLANNED>CHECK_IN>CHECKED_IN", "CHECKED_IN>CHECK_OUT>COMPLETED",
            "PLANNED>CANCEL>CANCELLED", "CHECKED_IN>CANCEL>CANCELLED");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(VisitStatus.values())
                .flatMap(from -> Arrays.stream(VisitAction.values()).map(action -> Arguments.of(from, action)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyPair")
    void movesOnlyAlongTheTable(VisitStatus from, VisitAction action) {
        String allowed = EXPECTED.stream().filter(e -> e.startsWith(from + ">" + action + ">")).findFirst().orElse(null);
        if (allowed != null) {
            assertThat(VisitLifecycle.move(from, action).name()).isEqualTo(allowed.split(">")[2]);
        } else {
            assertThatThrownBy(() -> VisitLifecycle.move(from, action)).isInstanceOf(IllegalVisitTransition.class);
        }
    }

    @Test
    void measuresGreatCircleDistances() {
        assertThat(Distance.meters(31.2304, 121.4737, 31.2304, 121.4737)).isZero();
        // Shanghai People's Square to Beijing Tiananmen: about 1067 km
        assertThat(Distance.meters(31.2304, 121.4737, 39.9087, 116.3975)).isCloseTo(1_067_000, within(5_000.0));
    }
}
