package com.storecrm.analytics.backfill;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator API of the warehouse (scope {@code platform.admin}): backfills and reconciliation. */
@RestController
@RequestMapping("/api/platform")
class PlatformBackfillController {

    private final Backfills backfills;
    private final Reconciliation reconciliation;

    PlatformBackfillController(Backfills backfills, Reconciliation reconciliation) {
        this.backfills = backfills;
        this.reconciliation = reconciliation;
    }

    @PostMapping("/tenants/{slug}/backfill")
    ResponseEntity<BackfillStatus> backfill(@PathVariable String slug) {
        return accepted(backfills.start(slug));
    }

    @GetMapping("/backfills/{executionId}")
    BackfillStatus status(@PathVariable long executionId) {
        return backfills.status(executionId);
    }

    @PostMapping("/backfills/{executionId}/restart")
    ResponseEntity<BackfillStatus> restart(@PathVariable long executionId) {
        return accepted(backfills.restart(executionId));
    }

    @PostMapping("/tenants/{slug}/reconciliation")
    ReconciliationReport reconcile(@PathVariable String slug) {
        return reconciliation.reconcile(slug);
    }

    private static ResponseEntity<BackfillStatus> accepted(BackfillStatus status) {
        return ResponseEntity.accepted().location(URI.create("/api/platform/backfills/" + status.executionId())).body(status);
    }
}
