package com.storecrm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NewestSeqQueryTest {

    @Test
    void readsOnlyPartsAboveTheHighestBlockSeenSoFar() {
        NewestSeqQuery query = new NewestSeqQuery(500);
        assertThat(query.sql()).endsWith("> 500");

        assertThat(query.read("000000000042\t503")).isEqualTo(42);

        assertThat(query.sql()).endsWith("> 503");
    }

    @Test
    void nothingNewLeavesTheBlockWhereItWas() {
        NewestSeqQuery query = new NewestSeqQuery(500);

        assertThat(query.read("\\N\t0")).isEqualTo(-1);

        assertThat(query.sql()).endsWith("> 500");
    }

    @Test
    void newPartsWithoutSequenceNumbersStillMoveTheBlockOn() {
        NewestSeqQuery query = new NewestSeqQuery(7);

        assertThat(query.read("\\N\t9")).isEqualTo(-1);

        assertThat(query.sql()).endsWith("> 9");
    }

    @Test
    void aMalformedAnswerIsNoNews() {
        assertThat(new NewestSeqQuery(1).read("")).isEqualTo(-1);
    }
}
