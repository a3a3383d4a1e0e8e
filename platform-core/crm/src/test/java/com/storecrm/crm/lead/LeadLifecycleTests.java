package com.storecrm.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The lead lifecycle against its own copy of the table (SPEC §3.2 and the lead manual), every pair. */
class LeadLifecycleTests {

    /** action -> from -> to; every pair not listed is refused. */
    private static final Map<LeadAction, Map<LeadStatus, LeadStatus>> EXPECTED = Map.of(
            LeadAction.CLAIM, Map.of(LeadStatus.UNASSIGNED, LeadStatus.PENDING),
            LeadAction.ASSIGN, Map.of(LeadStatus.UNASSIGNED, LeadStatus.PENDING, LeadStatus.PENDING, LeadStatus.PENDING,
                    LeadStatus.IN_PROGRESS, LeadStatus.PENDING, LeadStatus.INVALID, LeadStatus.PENDING),
            LeadAction.RECORD_FOLLOW_UP, Map.of(LeadStatus.PENDING, LeadStatus.IN_PROGRESS,
                    LeadStatus.IN_PROGRESS, LeadStatus.IN_PROGRESS, LeadStatus.INVALID, LeadStatus.IN_PROGRESS),
            LeadAction.MARK_INVALID, Map.of(LeadStatus.PENDING, LeadStatus.INVALID, LeadStatus.IN_PROGRESS, LeadStatus.INVALID),
            LeadAction.REACTIVATE, Map.of(LeadStatus.INVALID, LeadStatus.PENDING),
            LeadAction.CONVERT, Map.of(LeadStatus.PENDING, LeadStatus.CONVERTED, LeadStatus.IN_PROGRESS, LeadStatus.CONVERTED,
                    LeadStatus.INVALID, LeadStatus.CONVERTED),
            LeadAction.RETURN, Map.of(LeadStatus.PENDING, LeadStatus.UNASSIGNED, LeadStatus.IN_PROGRESS, LeadStatus.UNASSIGNED,
                    LeadStatus.INVALID, LeadStatus.UNASSIGNED),
            LeadAction.RECLAIM, Map.of(LeadStatus.PENDING, LeadStatus.UNASSIGNED, LeadStatus.IN_PROGRESS, LeadStatus.UNASSIGNED,
                    LeadStatus.INVALID, LeadStatus.UNASSIGNED),
            LeadAction.DISCARD, Map.of(LeadStatus.UNASSIGNED, LeadStatus.DISCARDED, LeadStatus.PENDING, LeadStatus.DISCARDED,
                    LeadStatus.IN_PROGRESS, LeadStatus.DISCARDED, LeadStatus.INVALID, LeadStatus.DISCARDED));

    static Stream<Arguments> everyStatusAndAction() {
        return Arrays.stream(LeadStatus.values()).flatMap(from -> EXPECTED.keySet().stream()
                .map(action -> Arguments.of(from, action)));
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("everyStatusAndAction")
    void movesOnlyAlongTheTable(LeadStatus from, LeadAction action) {
        LeadStatus to = EXPECTED.get(action).get(from);
        if (to != null) {
            assertThat(LeadLifecycle.next(from, action)).isEqualTo(to);
            assertThat(LeadLifecycle.allows(from, action)).isTrue();
        } else {
            assertThatThrownBy(() -> LeadLifecycle.next(from, action))
                    .isInstanceOfSatisfying(IllegalTransition.class, refused -> {
                        assertThat(refused.current()).isEqualTo(from);
                        assertThat(refused.action()).isEqualTo(action);
                        assertThat(refused.getMessage()).contains(from.name());
                    });
            assertThat(LeadLifecycle.allows(from, action)).isFalse();
        }
    }

    @Test
    void coversEveryActionButCreateAndRestoreInTheTable() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(
                Stream.of(LeadAction.values()).filter(a -> a != LeadAction.CREATE && a != LeadAction.RESTORE).toList());
    }

    @Test
    void convertedIsFinal() {
        for (LeadAction action : LeadAction.values()) {
            assertThat(LeadLifecycle.allows(LeadStatus.CONVERTED, action)).as(action.name()).isFalse();
        }
    }

    @Nested
    class Creation {

        @Test
        void aLeadWithAnOwnerStartsPending() {
            assertThat(LeadLifecycle.created(true)).isEqualTo(LeadStatus.PENDING);
        }

        @Test
        void aLeadWithoutOwnerStartsUnassigned() {
            assertThat(LeadLifecycle.created(false)).isEqualTo(LeadStatus.UNASSIGNED);
        }
    }

    @Nested
    class Restoring {

        @ParameterizedTest
        @EnumSource(value = LeadStatus.class, names = {"UNASSIGNED", "PENDING", "IN_PROGRESS", "INVALID"})
        void returnsADiscardedLeadToWhereItWasDiscardedFrom(LeadStatus discardedFrom) {
            assertThat(LeadLifecycle.restore(LeadStatus.DISCARDED, discardedFrom)).isEqualTo(discardedFrom);
            assertThat(LeadLifecycle.allows(LeadStatus.DISCARDED, LeadAction.RESTORE)).isTrue();
        }

        @ParameterizedTest
        @EnumSource(value = LeadStatus.class, names = "DISCARDED", mode = EnumSource.Mode.EXCLUDE)
        void refusesToRestoreALeadThatIsNotDiscarded(LeadStatus from) {
            assertThatThrownBy(() -> LeadLifecycle.restore(from, LeadStatus.PENDING))
                    .isInstanceOfSatisfying(IllegalTransition.class, refused -> assertThat(refused.current()).isEqualTo(from));
            assertThat(LeadLifecycle.allows(from, LeadAction.RESTORE)).isFalse();
        }

        @Test
        void neverRestoresIntoConvertedOrDiscarded() {
            for (LeadStatus impossible : Set.of(LeadStatus.CONVERTED, LeadStatus.DISCARDED)) {
                assertThatThrownBy(() -> LeadLifecycle.restore(LeadStatus.DISCARDED, impossible))
                        .isInstanceOf(IllegalStateException.class);
            }
        }
    }
}
