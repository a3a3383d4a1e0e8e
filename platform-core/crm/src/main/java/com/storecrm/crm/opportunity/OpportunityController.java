package com.storecrm.crm.opportunity;

import com.storecrm.crm.organisation.RelatedTeamRequest;
import com.storecrm.crm.organisation.TeamMember;
import com.storecrm.tenancy.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
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
@RequestMapping("/api/opportunities")
@Tag(name = "Opportunities")
class OpportunityController {

    private final OpportunityService opportunities;
    private final OpportunityProgress progress;

    OpportunityController(OpportunityService opportunities, OpportunityProgress progress) {
        this.opportunities = opportunities;
        this.progress = progress;
    }

    @PostMapping
    ResponseEntity<OpportunityView> create(@Valid @RequestBody NewOpportunity request) {
        OpportunityView created = opportunities.create(request);
        return ResponseEntity.created(URI.create("/api/opportunities/" + created.id())).body(created);
    }

    @GetMapping("/{id}/related-team")
    @Operation(summary = "The opportunity's related team", description = "Members read the opportunity; READ_WRITE members "
            + "(and their superiors) also work it.")
    List<TeamMember> relatedTeam(@PathVariable UUID id) {
        return opportunities.relatedTeam(id);
    }

    @PutMapping("/{id}/related-team")
    @Operation(summary = "Replace the opportunity's related team", description = "By those who may change the opportunity; "
            + "every member a distinct user who works in its store (400 naming members[i].userId).")
    List<TeamMember> replaceRelatedTeam(@PathVariable UUID id, @Valid @RequestBody RelatedTeamRequest request) {
        return opportunities.replaceRelatedTeam(id, request);
    }

    @GetMapping("/{id}")
    OpportunityView get(@PathVariable UUID id) {
        return opportunities.get(id);
    }

    @GetMapping
    PageResponse<OpportunityView> list(@RequestParam(required = false) UUID storeId,
                                       @RequestParam(required = false) UUID accountId,
                                       @RequestParam(required = false) OpportunityStatus status,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "50") int size,
                                       @RequestParam(required = false) String sort) {
        return opportunities.list(storeId, accountId, status, page, size, sort);
    }

    @GetMapping("/{id}/history")
    List<OpportunityHistoryView> history(@PathVariable UUID id) {
        return opportunities.history(id);
    }

    @PostMapping("/{id}/advance")
    @Operation(summary = "Advance to the next stage", description = "400 naming each missing feedback field or task; "
            + "when the stage needs approval, the advance waits for a manager (pendingStageId).")
    OpportunityView advance(@PathVariable UUID id, @Valid @RequestBody(required = false) AdvanceRequest request) {
        return progress.advance(id, request);
    }

    @PostMapping("/{id}/advance/approve")
    OpportunityView approveAdvance(@PathVariable UUID id) {
        return progress.approveAdvance(id);
    }

    @PostMapping("/{id}/advance/refuse")
    OpportunityView refuseAdvance(@PathVariable UUID id) {
        return progress.refuseAdvance(id);
    }

    @PostMapping("/{id}/win")
    OpportunityView win(@PathVariable UUID id, @Valid @RequestBody(required = false) AdvanceRequest request) {
        return progress.win(id, request);
    }

    @PostMapping("/{id}/lose")
    OpportunityView lose(@PathVariable UUID id, @Valid @RequestBody CloseRequest request) {
        return progress.lose(id, request.reason());
    }

    @PostMapping("/{id}/invalidate")
    OpportunityView invalidate(@PathVariable UUID id, @Valid @RequestBody(required = false) CloseRequest request) {
        return progress.invalidate(id, request == null ? null : request.reason());
    }

    @GetMapping("/funnel")
    @Operation(summary = "The sales funnel", description = "Per stage: open count, amount, weighted amount, reached, "
            + "conversion to the next stage, average days in stage; forecast = sum of open amount x probability; "
            + "win rate = won / (won + lost). Period = expected close date between closeFrom and closeTo.")
    Funnel funnel(@RequestParam(required = false) UUID storeId, @RequestParam(required = false) UUID ownerId,
                  @RequestParam(required = false) UUID salesProcessId,
                  @RequestParam(required = false) LocalDate closeFrom,
                  @RequestParam(required = false) LocalDate closeTo) {
        return opportunities.funnel(storeId, ownerId, salesProcessId, closeFrom, closeTo);
    }

    @GetMapping("/cycle-times")
    @Operation(summary = "Average days from creation to win per product line")
    List<CycleTime> cycleTimes(@RequestParam(required = false) UUID storeId) {
        return opportunities.cycleTimes(storeId);
    }
}
