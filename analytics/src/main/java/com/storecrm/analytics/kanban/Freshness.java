package com.storecrm.analytics.kanban;

import java.time.Instant;

/** How current the caller's figures are: the last change the pipeline applied and its delay. */
public record Freshness(Instant lastChangeAt, Long lagMillis) {
}
