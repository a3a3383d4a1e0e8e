package com.storecrm.analytics.backfill;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * A test's hand on running backfills: make a tenant's run fail right after ClickHouse took its n-th
 * chunk (before the chunk commits, as a crash would), or hold a tenant's run before its first write
 * until the test lets it go.
 */
class ChunkHook implements BackfillWriteListener {

    private final Map<Long, AtomicInteger> chunksPerStep = new ConcurrentHashMap<>();
    private volatile String failTenant;
    private volatile int failAfterChunk;
    private volatile String holdTenant;
    private volatile CountDownLatch holding = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(0);

    void failOnce(String tenant, int afterChunk) {
        this.failAfterChunk = afterChunk;
        this.failTenant = tenant;
    }

    /** Holds the tenant's next run at its first write; returns a latch that opens once it is held. */
    CountDownLatch hold(String tenant) {
        holding = new CountDownLatch(1);
        release = new CountDownLatch(1);
        holdTenant = tenant;
        return holding;
    }

    void letGo() {
        holdTenant = null;
        release.countDown();
    }

    @Override
    public void beforeWrite(Chunk<? extends TableRow> items) {
        if (tenant().equals(holdTenant)) {
            holding.countDown();
            try {
                if (!release.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let the backfill go");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void afterWrite(Chunk<? extends TableRow> items) {
        StepContext step = StepSynchronizationManager.getContext();
        int written = chunksPerStep.computeIfAbsent(step.getStepExecution().getId(), id -> new AtomicInteger()).incrementAndGet();
        if (tenant().equals(failTenant) && written == failAfterChunk) {
            failTenant = null;
            throw new IllegalStateException("injected failure: the process dies after ClickHouse took chunk " + written);
        }
    }

    private static String tenant() {
        return (String) StepSynchronizationManager.getContext().getJobParameters().get(BackfillRun.TENANT);
    }
}
