package com.storecrm.crm.visit;

import com.storecrm.tenancy.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/visits")
@Tag(name = "Visits")
class VisitController {

    private final Visits visits;
    private final VisitStatistics statistics;

    VisitController(Visits visits, VisitStatistics statistics) {
        this.visits = visits;
        this.statistics = statistics;
    }

    @PostMapping
    @Operation(summary = "Plan a visit or start an ad-hoc one", description = "The target location defaults to the "
            + "customer's; co-visitors must work in the customer's store.")
    ResponseEntity<VisitView> plan(@Valid @RequestBody NewVisit request) {
        VisitView created = visits.plan(request);
        return ResponseEntity.created(URI.create("/api/visits/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    VisitView get(@PathVariable UUID id) {
        return visits.get(id);
    }

    @GetMapping
    PageResponse<VisitView> list(@RequestParam(required = false) UUID storeId,
                                 @RequestParam(required = false) UUID visitorId,
                                 @RequestParam(required = false) UUID accountId,
                                 @RequestParam(required = false) VisitStatus status,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size,
                                 @RequestParam(required = false) String sort) {
        return visits.list(storeId, visitorId, accountId, status, page, size, sort);
    }

    @PostMapping("/{id}/check-in")
    @Operation(summary = "Check in", description = "409 with `distanceMeters` and `toleranceMeters` when farther "
            + "from the visit's target than the tenant's tolerance; 409 when the visit is not planned.")
    VisitView checkIn(@PathVariable UUID id, @Valid @RequestBody CheckInRequest request) {
        return visits.checkIn(id, request);
    }

    @PostMapping("/{id}/check-out")
    @Operation(summary = "Check out", description = "Completes the visit (duration, collected data) and records "
            + "the customer's return visit; 409 before a check-in.")
    VisitView checkOut(@PathVariable UUID id, @Valid @RequestBody CheckOutRequest request) {
        return visits.checkOut(id, request);
    }

    @PostMapping("/{id}/cancel")
    VisitView cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) CancelRequest request) {
        return visits.cancel(id, request == null ? null : request.reason());
    }

    @GetMapping("/stats")
    @Operation(summary = "Planned versus completed visits", description = "Per store and visitor over the days "
            + "[from, to]; reps see their own figures.")
    VisitStats stats(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @RequestParam(required = false) UUID storeId,
                     @RequestParam(required = false) UUID visitorId) {
        return statistics.stats(from, to, storeId, visitorId);
    }

    @GetMapping("/rules")
    VisitRules rules() {
        return visits.rules();
    }

    @PutMapping("/rules")
    @Operation(summary = "Change the check-in tolerance", description = "The tenant administrator only.")
    VisitRules changeRules(@Valid @RequestBody VisitRules request) {
        return visits.changeRules(request);
    }
}
