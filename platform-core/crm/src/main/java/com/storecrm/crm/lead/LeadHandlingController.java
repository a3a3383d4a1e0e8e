package com.storecrm.crm.lead;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The status actions on a lead; an action its status does not allow is a 409 naming {@code currentStatus}. */
@RestController
@RequestMapping("/api/leads/{id}")
@Tag(name = "Leads")
class LeadHandlingController {

    private final LeadHandling handling;

    LeadHandlingController(LeadHandling handling) {
        this.handling = handling;
    }

    @PostMapping("/assign")
    @Operation(summary = "Give the lead to an owner (managers); it becomes Pending")
    LeadView assign(@PathVariable UUID id, @Valid @RequestBody AssignRequest request) {
        return handling.assign(id, request.ownerId(), request.reason());
    }

    @PostMapping("/invalid")
    @Operation(summary = "Mark a Pending or In Progress lead Invalid (unreachable, no interest)")
    LeadView markInvalid(@PathVariable UUID id, @Valid @RequestBody TransitionRequest request) {
        return handling.markInvalid(id, request.reason());
    }

    @PostMapping("/reactivate")
    @Operation(summary = "Re-activate an Invalid lead; it becomes Pending")
    LeadView reactivate(@PathVariable UUID id, @Valid @RequestBody TransitionRequest request) {
        return handling.reactivate(id, request.reason());
    }

    @PostMapping("/discard")
    @Operation(summary = "Discard a lead as junk (tenant administrator)")
    LeadView discard(@PathVariable UUID id, @Valid @RequestBody TransitionRequest request) {
        return handling.discard(id, request.reason());
    }

    @PostMapping("/restore")
    @Operation(summary = "Restore a discarded lead to the status it was discarded from (tenant administrator)")
    LeadView restore(@PathVariable UUID id, @Valid @RequestBody TransitionRequest request) {
        return handling.restore(id, request.reason());
    }

    @GetMapping("/history")
    @Operation(summary = "The lead's history: who, when, from, to and why, oldest first")
    List<LeadHistoryView> history(@PathVariable UUID id) {
        return handling.history(id);
    }
}
