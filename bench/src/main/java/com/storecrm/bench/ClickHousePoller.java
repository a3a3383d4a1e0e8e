package com.storecrm.bench;

import com.storecrm.warehouse.ClickHouseHttp;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queries ClickHouse again and again on its own thread, starting a query every {@code interval}
 * (or right after the previous answer when a query takes longer), and hands the first line of each
 * answer with the time it arrived to a consumer. The query may change between polls (e.g. to read
 * only what is new since the last answer). The time each query took is kept: together with the
 * interval it is the resolution of whatever the answers measure.
 */
final class ClickHousePoller implements AutoCloseable {

    @FunctionalInterface
    interface Answer {
        void accept(String firstLine, long answeredNanos);
    }

    private static final Logger log = LoggerFactory.getLogger(ClickHousePoller.class);

    private final ClickHouseHttp clickHouse;
    private final Supplier<String> query;
    private final long intervalNanos;
    private final Answer answer;
    private final Latencies took = new Latencies();
    private final AtomicLong errors = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    private ClickHousePoller(String name, String url, Supplier<String> query, Duration interval, Answer answer) {
        this.clickHouse = new ClickHouseHttp(url);
        this.query = query;
        this.intervalNanos = interval.toNanos();
        this.answer = answer;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
    }

    static ClickHousePoller start(String name, String url, String query, Duration interval, Answer answer) {
        return start(name, url, () -> query, interval, answer);
    }

    static ClickHousePoller start(String name, String url, Supplier<String> query, Duration interval, Answer answer) {
        ClickHousePoller poller = new ClickHousePoller(name, url, query, interval, answer);
        poller.thread.start();
        return poller;
    }

    private void loop() {
        while (running) {
            long start = System.nanoTime();
            try {
                List<String> rows = clickHouse.query(query.get());
                long end = System.nanoTime();
                took.record(end - start);
                answer.accept(rows.isEmpty() ? "" : rows.get(0), end);
            } catch (RuntimeException e) {
                if (errors.incrementAndGet() <= 3) {
                    log.warn("ClickHouse poll failed: {}", e.getMessage());
                }
            }
            long next = start + intervalNanos;
            for (long wait = next - System.nanoTime(); running && wait > 0; wait = next - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    /** How long each query took. */
    Latencies.Snapshot took() {
        return took.snapshot();
    }

    long errors() {
        return errors.get();
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(Duration.ofSeconds(70).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
