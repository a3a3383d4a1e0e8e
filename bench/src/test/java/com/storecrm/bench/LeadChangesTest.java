package com.storecrm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeadChangesTest {

    @Test
    void sequenceNumbersAreZeroPaddedSoTheirTextSortsLikeTheNumbers() {
        assertThat(LeadChanges.seqText(42)).isEqualTo("000000000042");
        assertThat(LeadChanges.seqText(1_000).compareTo(LeadChanges.seqText(999))).isPositive();
        assertThat(LeadChanges.seqText(123_456_789_012L)).hasSize(12);
    }

    @Test
    void theAnswerOfMaxIsReadBackAndNoRowIsMinusOne() {
        assertThat(LeadChanges.parseSeq("000000000042")).isEqualTo(42);
        assertThat(LeadChanges.parseSeq("\\N")).isEqualTo(-1);
        assertThat(LeadChanges.parseSeq("")).isEqualTo(-1);
    }
}
