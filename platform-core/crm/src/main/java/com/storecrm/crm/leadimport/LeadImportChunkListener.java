package com.storecrm.crm.leadimport;

import java.util.UUID;

/**
 * Extension point of running imports: every bean of this type hears of each chunk of rows, inside
 * the chunk's transaction (metrics, audits, and tests that interrupt or hold a run). An exception
 * thrown here fails the chunk, which then rolls back like one interrupted by a crash.
 */
public interface LeadImportChunkListener {

    /** Before the rows of the run's n-th chunk (counted from 1 within this run) are written. */
    default void beforeChunk(UUID importId, int chunk) {
    }

    /** After the rows of the n-th chunk were written, before the chunk commits. */
    default void afterChunk(UUID importId, int chunk) {
    }
}
