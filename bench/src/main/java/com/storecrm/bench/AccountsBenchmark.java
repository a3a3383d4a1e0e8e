package com.storecrm.bench;

import java.util.Map;

/**
 * The funnel and high-seas benchmarks of issue 6 on one big tenant: seeded ({@link AccountsSeed}),
 * then the funnel read ({@link FunnelBenchmark}), then the sweep ({@link HighSeasSweepBenchmark}),
 * which changes the customers and so runs last.
 */
final class AccountsBenchmark {

    /** The crm's own high-seas schedule must not move the seeded customers before the benchmark does. */
    static final Map<String, String> CRM_ENV = Map.of("CRM_HIGH_SEAS_INITIAL_DELAY", "PT12H");

    record Result(AccountsSeed.Seeded seed, FunnelBenchmark.Result funnel, HighSeasSweepBenchmark.Result sweep) {

        long errors() {
            return funnel.errors() + sweep.errors();
        }
    }

    private AccountsBenchmark() {
    }

    static Result run(BenchPlatform platform, int customers, int opportunities) {
        AccountsSeed.Seeded seed = AccountsSeed.run(platform, customers, opportunities);
        FunnelBenchmark.Result funnel = FunnelBenchmark.run(platform, seed);
        HighSeasSweepBenchmark.Result sweep = HighSeasSweepBenchmark.run(platform, seed);
        return new Result(seed, funnel, sweep);
    }
}
