package com.storecrm.crm.opportunity;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The sales funnel (SPEC §3.5): per stage the open opportunities' count, amount and weighted amount,
 * how many ever reached the stage, the share of those that reached the next stage (the last stage:
 * that were won), and the average days spent in it; the forecast and the win rate. A ratio without
 * a denominator is null ("no data").
 */
public record Funnel(List<Stage> stages, BigDecimal forecast, Outcome won, Outcome lost, Outcome invalid,
                     BigDecimal winRate) {

    public record Stage(UUID stageId, UUID salesProcessId, int position, String name, BigDecimal probability,
                        long count, BigDecimal amount, BigDecimal weightedAmount, long reached,
                        BigDecimal conversionToNext, BigDecimal averageDaysInStage) {
    }

    public record Outcome(long count, BigDecimal amount) {
    }
}
