package com.storecrm.crm.support;

import com.storecrm.crm.leadimport.LeadImportChunkListener;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test's hand on running imports: make the next run that writes its n-th chunk fail before that
 * chunk commits (as a crash would), or hold the next run before its n-th chunk until the test lets
 * go. "Next", because an upload starts its run before the test learns the import's id.
 */
public class ImportChunkHook implements LeadImportChunkListener {

    private volatile int failAfterChunk;
    private volatile int holdAtChunk;
    private volatile CountDownLatch holding = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(0);

    public void failNextAfter(int chunk) {
        failAfterChunk = chunk;
    }

    /** Holds the next run before its n-th chunk; returns a latch that opens once it is held. */
    public CountDownLatch holdNextAt(int chunk) {
        holding = new CountDownLatch(1);
        release = new CountDownLatch(1);
        holdAtChunk = chunk;
        return holding;
    }

    public void letGo() {
        holdAtChunk = 0;
        release.countDown();
    }

    @Override
    public void beforeChunk(UUID importId, int chunk) {
        if (holdAtChunk != 0 && chunk == holdAtChunk) {
            holdAtChunk = 0;
            holding.countDown();
            try {
                if (!release.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let the import go");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void afterChunk(UUID importId, int chunk) {
        if (failAfterChunk != 0 && chunk == failAfterChunk) {
            failAfterChunk = 0;
            throw new IllegalStateException("injected failure: the process dies before chunk " + chunk + " commits");
        }
    }
}
