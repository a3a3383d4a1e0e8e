package com.storecrm.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one phase of traffic saw, per kind of request ({@code K}: lead creates and reads, row
 * inserts, updates and deletes...); safe to update from many client threads.
 */
final class PhaseStats<K extends Enum<K>> {

    private static final int MAX_ERROR_SAMPLES = 5;

    private final Class<K> kinds;
    private final Map<K, Latencies> latencies;
    private final Map<K, LongAdder> errors;
    private final Map<String, LongAdder> reasons = new ConcurrentHashMap<>();
    private final List<String> samples = new ArrayList<>();
    private final AtomicLong maxSendDelayNanos = new AtomicLong();
    private final AtomicLong maxSchedulerLagNanos = new AtomicLong();
    private final AtomicLong lastCompletionNanos = new AtomicLong(Long.MIN_VALUE);

    PhaseStats(Class<K> kinds) {
        this.kinds = kinds;
        this.latencies = new EnumMap<>(kinds);
        this.errors = new EnumMap<>(kinds);
        for (K kind : kinds.getEnumConstants()) {
            latencies.put(kind, new Latencies());
            errors.put(kind, new LongAdder());
        }
    }

    void success(K kind, long latencyNanos, long completedAt) {
        latencies.get(kind).record(latencyNanos);
        completed(completedAt);
    }

    void error(K kind, String reason, String detail, long completedAt) {
        errors.get(kind).increment();
        reasons.computeIfAbsent(kind.name().toLowerCase() + " " + reason, key -> new LongAdder()).increment();
        synchronized (samples) {
            if (samples.size() < MAX_ERROR_SAMPLES) {
                samples.add(kind + " " + reason + ": " + detail);
            }
        }
        completed(completedAt);
    }

    /** How late a request left compared with its schedule (scheduler lag plus waiting for a free client thread). */
    void sendDelay(long nanos) {
        maxSendDelayNanos.accumulateAndGet(nanos, Math::max);
    }

    /** How late the scheduler handed a request to the client threads. */
    void schedulerLag(long nanos) {
        maxSchedulerLagNanos.accumulateAndGet(nanos, Math::max);
    }

    private void completed(long at) {
        lastCompletionNanos.accumulateAndGet(at, Math::max);
    }

    Result<K> result(String name, long startNanos, long unfinished) {
        Map<K, Latencies.Snapshot> snapshots = new EnumMap<>(kinds);
        Map<K, Long> errorCounts = new EnumMap<>(kinds);
        for (K kind : kinds.getEnumConstants()) {
            snapshots.put(kind, latencies.get(kind).snapshot());
            errorCounts.put(kind, errors.get(kind).sum());
        }
        Map<String, Long> reasonCounts = new TreeMap<>();
        reasons.forEach((reason, count) -> reasonCounts.put(reason, count.sum()));
        long end = lastCompletionNanos.get();
        long elapsed = end == Long.MIN_VALUE ? 0 : Math.max(1, end - startNanos);
        List<String> errorSamples;
        synchronized (samples) {
            errorSamples = List.copyOf(samples);
        }
        return new Result<>(name, snapshots, errorCounts, reasonCounts, errorSamples, elapsed,
                maxSchedulerLagNanos.get() / 1e6, maxSendDelayNanos.get() / 1e6, unfinished);
    }

    record Result<K extends Enum<K>>(String name, Map<K, Latencies.Snapshot> latencies, Map<K, Long> errors,
                  Map<String, Long> errorReasons, List<String> errorSamples, long elapsedNanos,
                  double maxSchedulerLagMillis, double maxSendDelayMillis, long unfinished) {

        long count(K kind) {
            return latencies.get(kind).count() + errors.get(kind);
        }

        long totalCount() {
            long total = 0;
            for (K kind : latencies.keySet()) {
                total += count(kind);
            }
            return total;
        }

        long totalErrors() {
            return errors.values().stream().mapToLong(Long::longValue).sum() + unfinished;
        }

        double perSecond(long count) {
            return elapsedNanos == 0 ? 0 : count / (elapsedNanos / 1e9);
        }

        /** Latencies of every kind together. */
        Latencies.Snapshot all() {
            Latencies merged = new Latencies();
            latencies.values().forEach(snapshot -> {
                for (long nanos : snapshot.sorted()) {
                    merged.record(nanos);
                }
            });
            return merged.snapshot();
        }
    }
}
