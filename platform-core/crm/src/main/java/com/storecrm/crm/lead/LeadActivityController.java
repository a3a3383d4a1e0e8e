package com.storecrm.crm.lead;

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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Lead activities")
class LeadActivityController {

    private final LeadActivities activities;

    LeadActivityController(LeadActivities activities) {
        this.activities = activities;
    }

    @PostMapping("/api/leads/{id}/activities")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a sales activity", description = "A Pending or Invalid lead becomes In Progress; "
            + "nextFollowUpOn plans the lead's next follow-up.")
    ActivityView record(@PathVariable UUID id, @Valid @RequestBody NewActivity request) {
        return activities.record(id, request);
    }

    @GetMapping("/api/leads/{id}/activities")
    @Operation(summary = "The activities of a lead, latest first")
    PageResponse<ActivityView> ofLead(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size,
                                      @RequestParam(required = false) String sort) {
        return activities.ofLead(id, page, size, sort);
    }

    @GetMapping("/api/lead-activities")
    @Operation(summary = "Activity feed", description = "Managers: every activity of their stores (recordedBy narrows "
            + "it to one team member); others: their own and those on their leads.")
    PageResponse<ActivityView> feed(@RequestParam(required = false) UUID storeId,
                                    @RequestParam(required = false) UUID recordedBy,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size,
                                    @RequestParam(required = false) String sort) {
        return activities.feed(storeId, recordedBy, page, size, sort);
    }

    @GetMapping("/api/lead-follow-ups/due")
    @Operation(summary = "My due follow-ups", description = "My leads being worked whose planned follow-up is today "
            + "or overdue, most overdue first.")
    List<DueFollowUp> myDueFollowUps() {
        return activities.myDueFollowUps();
    }
}
