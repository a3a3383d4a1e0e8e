package com.storecrm.crm.opportunity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The funnel's arithmetic, free of the database. Definitions: weighted amount = amount x stage
 * probability; forecast = the sum of weighted amounts of open opportunities (SPEC §3.5, the manual's
 * example); an opportunity reached every stage up to its furthest one, and a won one reached all of
 * its process's stages; win rate = won / (won + lost), invalid ones were never real deals.
 */
public final class FunnelCalculator {

    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    /** A stage of a process, in order. */
    public record StageDef(UUID stageId, UUID processId, int position, String name, BigDecimal probability) {
    }

    /**
     * {@code count} opportunities alike (process, stage, status, furthest position), {@code amount}
     * their amount in all: the funnel sums, so it needs the deals grouped, not one by one.
     */
    public record Deal(UUID processId, UUID stageId, OpportunityStatus status, BigDecimal amount,
                       int furthestPosition, long count) {

        /** One opportunity. */
        public Deal(UUID processId, UUID stageId, OpportunityStatus status, BigDecimal amount, int furthestPosition) {
            this(processId, stageId, status, amount, furthestPosition, 1);
        }
    }

    /** {@code count} completed stays in one stage, {@code seconds} in all. */
    public record Stay(UUID stageId, long seconds, long count) {

        /** A completed stay of one opportunity in one stage. */
        public Stay(UUID stageId, long seconds) {
            this(stageId, seconds, 1);
        }
    }

    private FunnelCalculator() {
    }

    public static Funnel funnel(List<StageDef> stages, Collection<Deal> deals, Collection<Stay> stays) {
        List<Funnel.Stage> rows = new ArrayList<>();
        BigDecimal forecast = money(BigDecimal.ZERO);
        for (StageDef stage : stages) {
            List<Deal> open = deals.stream().filter(d -> d.status() == OpportunityStatus.OPEN)
                    .filter(d -> d.stageId().equals(stage.stageId())).toList();
            BigDecimal amount = money(open.stream().map(Deal::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
            BigDecimal weighted = money(open.stream().map(d -> d.amount().multiply(stage.probability()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            long openCount = count(open);
            forecast = forecast.add(weighted);
            long reached = reached(deals, stage.processId(), stage.position());
            StageDef following = stages.stream().filter(s -> s.processId().equals(stage.processId()))
                    .filter(s -> s.position() == stage.position() + 1).findFirst().orElse(null);
            long reachedNext = following == null
                    ? count(deals.stream().filter(d -> d.processId().equals(stage.processId()))
                            .filter(d -> d.status() == OpportunityStatus.WON).toList())
                    : reached(deals, stage.processId(), following.position());
            List<Stay> inStage = stays.stream().filter(s -> s.stageId().equals(stage.stageId())).toList();
            long stayCount = inStage.stream().mapToLong(Stay::count).sum();
            BigDecimal averageDays = stayCount == 0 ? null
                    : BigDecimal.valueOf(inStage.stream().mapToLong(Stay::seconds).sum())
                            .divide(SECONDS_PER_DAY.multiply(BigDecimal.valueOf(stayCount)), 2, RoundingMode.HALF_UP);
            rows.add(new Funnel.Stage(stage.stageId(), stage.processId(), stage.position(), stage.name(),
                    stage.probability(), openCount, amount, weighted, reached, ratio(reachedNext, reached),
                    averageDays));
        }
        Funnel.Outcome won = outcome(deals, OpportunityStatus.WON);
        Funnel.Outcome lost = outcome(deals, OpportunityStatus.LOST);
        return new Funnel(rows, forecast, won, lost, outcome(deals, OpportunityStatus.INVALID),
                ratio(won.count(), won.count() + lost.count()));
    }

    private static long reached(Collection<Deal> deals, UUID processId, int position) {
        return count(deals.stream().filter(d -> d.processId().equals(processId))
                .filter(d -> d.status() == OpportunityStatus.WON || d.furthestPosition() >= position).toList());
    }

    private static Funnel.Outcome outcome(Collection<Deal> deals, OpportunityStatus status) {
        List<Deal> matching = deals.stream().filter(d -> d.status() == status).toList();
        return new Funnel.Outcome(count(matching),
                money(matching.stream().map(Deal::amount).reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    private static long count(Collection<Deal> deals) {
        return deals.stream().mapToLong(Deal::count).sum();
    }

    private static BigDecimal ratio(long numerator, long denominator) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
