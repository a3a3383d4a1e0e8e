package com.storecrm.crm.account;

import com.storecrm.tenancy.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "High seas")
class HighSeasController {

    private final HighSeas highSeas;
    private final HighSeasJobs jobs;

    HighSeasController(HighSeas highSeas, HighSeasJobs jobs) {
        this.highSeas = highSeas;
        this.jobs = jobs;
    }

    @PostMapping("/api/accounts/{id}/release")
    @Operation(summary = "Release a customer to the high seas", description = "Its owner or a supervisor; "
            + "409 naming `currentState` when it is not owned.")
    AccountView release(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return highSeas.release(id, request.reason());
    }

    @PostMapping("/api/accounts/{id}/claims")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Apply to claim a high-seas customer", description = "A reason is required; a supervisor "
            + "of the store decides. 409 when the customer is not in the high seas or another claim is open.")
    ClaimView applyToClaim(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return highSeas.applyToClaim(id, request.reason());
    }

    @GetMapping("/api/accounts/{id}/ownership-history")
    List<OwnershipHistoryView> history(@PathVariable UUID id) {
        return highSeas.history(id);
    }

    @GetMapping("/api/high-seas/claims")
    @Operation(summary = "Claim applications", description = "view=mine: the caller's applications; "
            + "view=review: applications of the stores the caller supervises.")
    PageResponse<ClaimView> claims(@RequestParam(defaultValue = "mine") HighSeas.ClaimsView view,
                                   @RequestParam(required = false) String status,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size,
                                   @RequestParam(required = false) String sort) {
        return highSeas.claims(view, status, page, size, sort);
    }

    @GetMapping("/api/high-seas/claims/{id}")
    ClaimView claim(@PathVariable UUID id) {
        return highSeas.claim(id);
    }

    @PostMapping("/api/high-seas/claims/{id}/approve")
    ClaimView approve(@PathVariable UUID id, @Valid @RequestBody(required = false) DecisionRequest request) {
        return highSeas.approve(id, request == null ? null : request.note());
    }

    @PostMapping("/api/high-seas/claims/{id}/refuse")
    ClaimView refuse(@PathVariable UUID id, @Valid @RequestBody(required = false) DecisionRequest request) {
        return highSeas.refuse(id, request == null ? null : request.note());
    }

    @GetMapping("/api/high-seas/rules")
    HighSeasRules rules() {
        return highSeas.rules();
    }

    @PutMapping("/api/high-seas/rules")
    @Operation(summary = "Change the tenant's high-seas rules (tenant administrator)")
    HighSeasRules changeRules(@Valid @RequestBody HighSeasRules request) {
        return highSeas.changeRules(request);
    }

    @PostMapping("/api/high-seas/sweeps")
    @Operation(summary = "Run the high-seas sweep now (tenant administrator)", description = "Moves the tenant's "
            + "overdue customers to the high seas at once, as the scheduled sweep does, and answers with how many.")
    HighSeasSweepView sweepNow() {
        return jobs.sweepNow();
    }
}
