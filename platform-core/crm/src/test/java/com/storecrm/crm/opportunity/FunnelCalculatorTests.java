package com.storecrm.crm.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The funnel's arithmetic on a known pipeline: three stages, open, won, lost and invalid deals. */
class FunnelCalculatorTests {

    private static final UUID PROCESS = UUID.randomUUID();
    private static final FunnelCalculator.StageDef INTENT = stage(1, "Intent", "0.1");
    private static final FunnelCalculator.StageDef PROPOSAL = stage(2, "Proposal", "0.4");
    private static final FunnelCalculator.StageDef NEGOTIATION = stage(3, "Negotiation", "0.8");
    private static final List<FunnelCalculator.StageDef> STAGES = List.of(INTENT, PROPOSAL, NEGOTIATION);

    private static final List<FunnelCalculator.Deal> DEALS = List.of(
            open(INTENT, "1000.00", 1), open(INTENT, "3000.00", 1),
            open(PROPOSAL, "5000.00", 2),
            open(NEGOTIATION, "10000.00", 3),
            deal(NEGOTIATION, OpportunityStatus.WON, "7000.00", 3),
            deal(NEGOTIATION, OpportunityStatus.LOST, "1500.00", 3),
            deal(PROPOSAL, OpportunityStatus.LOST, "2000.00", 2),
            deal(INTENT, OpportunityStatus.LOST, "500.00", 1),
            deal(INTENT, OpportunityStatus.INVALID, "9999.00", 1));

    private static final List<FunnelCalculator.Stay> STAYS = List.of(
            new FunnelCalculator.Stay(INTENT.stageId(), 86_400), new FunnelCalculator.Stay(INTENT.stageId(), 3 * 86_400),
            new FunnelCalculator.Stay(PROPOSAL.stageId(), 43_200));

    private final Funnel funnel = FunnelCalculator.funnel(STAGES, DEALS, STAYS);

    @ParameterizedTest(name = "{1}: count {2}, amount {3}, weighted {4}, reached {5}, conversion {6}, days {7}")
    @CsvSource(nullValues = "null", value = {
            "0, Intent,      2, 4000.00,  400.00,  9, 0.5556, 2.00",
            "1, Proposal,    1, 5000.00,  2000.00, 5, 0.6000, 0.50",
            "2, Negotiation, 1, 10000.00, 8000.00, 3, 0.3333, null"})
    void computesEveryStage(int index, String name, long count, String amount, String weighted, long reached,
                            String conversion, String days) {
        Funnel.Stage stage = funnel.stages().get(index);
        assertThat(stage.name()).isEqualTo(name);
        assertThat(stage.count()).isEqualTo(count);
        assertThat(stage.amount()).isEqualByComparingTo(amount);
        assertThat(stage.weightedAmount()).isEqualByComparingTo(weighted);
        assertThat(stage.reached()).isEqualTo(reached);
        assertThat(stage.conversionToNext()).isEqualByComparingTo(conversion);
        if (days == null) {
            assertThat(stage.averageDaysInStage()).isNull();
        } else {
            assertThat(stage.averageDaysInStage()).isEqualByComparingTo(days);
        }
    }

    @Test
    void forecastsTheWeightedOpenAmountOnly() {
        assertThat(funnel.forecast()).isEqualByComparingTo("10400.00");
    }

    @Test
    void countsOutcomesAndTheWinRateWithoutInvalidDeals() {
        assertThat(funnel.won()).isEqualTo(new Funnel.Outcome(1, new BigDecimal("7000.00")));
        assertThat(funnel.lost()).isEqualTo(new Funnel.Outcome(3, new BigDecimal("4000.00")));
        assertThat(funnel.invalid()).isEqualTo(new Funnel.Outcome(1, new BigDecimal("9999.00")));
        assertThat(funnel.winRate()).isEqualByComparingTo("0.2500");
    }

    @Test
    void reportsNoDataInsteadOfDividingByZero() {
        Funnel empty = FunnelCalculator.funnel(STAGES, List.of(), List.of());

        assertThat(empty.forecast()).isEqualByComparingTo("0");
        assertThat(empty.winRate()).isNull();
        assertThat(empty.stages()).allSatisfy(stage -> {
            assertThat(stage.count()).isZero();
            assertThat(stage.conversionToNext()).isNull();
            assertThat(stage.averageDaysInStage()).isNull();
        });
    }

    @Test
    void reproducesTheManualsExample() {
        List<FunnelCalculator.StageDef> five = List.of(stage(1, "S1", "0.1"), stage(2, "S2", "0.4"),
                stage(3, "S3", "0.6"), stage(4, "S4", "0.8"), stage(5, "S5", "0.9"));
        int[] counts = {65, 34, 27, 15, 6};
        List<FunnelCalculator.Deal> deals = new java.util.ArrayList<>();
        for (int i = 0; i < five.size(); i++) {
            for (int n = 0; n < counts[i]; n++) {
                deals.add(open(five.get(i), "500000", i + 1));
            }
        }
        // 65x500k x 10% + 34x500k x 40% + 27x500k x 60% + 15x500k x 80% + 6x500k x 90%
        assertThat(FunnelCalculator.funnel(five, deals, List.of()).forecast()).isEqualByComparingTo("26850000.00");
    }

    private static FunnelCalculator.StageDef stage(int position, String name, String probability) {
        return new FunnelCalculator.StageDef(UUID.randomUUID(), PROCESS, position, name, new BigDecimal(probability));
    }

    private static FunnelCalculator.Deal open(FunnelCalculator.StageDef stage, String amount, int furthest) {
        return deal(stage, OpportunityStatus.OPEN, amount, furthest);
    }

    private static FunnelCalculator.Deal deal(FunnelCalculator.StageDef stage, OpportunityStatus status, String amount,
                                              int furthest) {
        return new FunnelCalculator.Deal(PROCESS, stage.stageId(), status, new BigDecimal(amount), furthest);
    }
}
