package com.storecrm.bench;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed schedule: request {@code n} is due at {@code start + n / rate}. One scheduler thread
 * hands each request to a pool of client threads at its due time whatever the earlier ones are
 * doing, so a slow system cannot slow the arrivals down (no coordinated omission); latency is then
 * measured from the due time.
 */
final class OpenLoop {

    static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(OpenLoop.class);
    /** The first request is due a moment after the call, so it is not late from the start. */
    private static final long LEAD_IN_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private OpenLoop() {
    }

    /** Called in the scheduler thread when request {@code n} is due; returns the work a client thread then does. */
    @FunctionalInterface
    interface Schedule {
        Runnable due(long n, long dueNanos, long lateNanos);
    }

    /** When the schedule started ({@link System#nanoTime}) and how many requests never ran (drain timed out). */
    record Timing(long startNanos, long unfinished) {

        long dueNanos(long n, double rate) {
            return startNanos + (long) (n * 1e9 / rate);
        }
    }

    /** Runs {@code total} requests at {@code rate} per second on {@code clients}, then shuts it down and drains it. */
    static Timing run(double rate, long total, ExecutorService clients, Schedule schedule) {
        long start = System.nanoTime() + LEAD_IN_NANOS;
        Timing timing = new Timing(start, 0);
        for (long n = 0; n < total; n++) {
            long due = timing.dueNanos(n, rate);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            clients.execute(schedule.due(n, due, System.nanoTime() - due));
        }
        return new Timing(start, drain(clients));
    }

    /** Waits (bounded) for the queued requests to finish; returns how many never ran. */
    static long drain(ExecutorService pool) {
        pool.shutdown();
        try {
            if (pool.awaitTermination(DRAIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                return 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long unfinished = pool.shutdownNow().size();
        log.warn("{} requests were still queued after {}; counted as errors", unfinished, DRAIN_TIMEOUT);
        return unfinished;
    }

    static ExecutorService pool(int threads, String prefix) {
        return Executors.newFixedThreadPool(threads, threads(prefix));
    }

    static ThreadFactory threads(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
