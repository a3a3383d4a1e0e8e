package com.storecrm.crm.opportunity;

import com.storecrm.crm.opportunity.internal.Opportunity;
import com.storecrm.crm.opportunity.internal.OpportunityMove;
import com.storecrm.crm.opportunity.internal.OpportunityRepository;
import com.storecrm.crm.salesprocess.SalesProcessService;
import com.storecrm.crm.salesprocess.SalesProcessView;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving an opportunity through its process (the opportunity manual 2.3.2): a stage is left only
 * with its mandatory feedback and tasks, and, where the stage says so, with a manager's approval;
 * at any stage it may be lost (with a reason) or marked invalid; at the last stage it may be won.
 */
@Service
public class OpportunityProgress {

    private final OpportunityRepository opportunities;
    private final OpportunityAccess access;
    private final OpportunityJournal journal;
    private final SalesProcessService processes;
    private final Clock clock;

    OpportunityProgress(OpportunityRepository opportunities, OpportunityAccess access, OpportunityJournal journal,
                        SalesProcessService processes, Clock clock) {
        this.opportunities = opportunities;
        this.access = access;
        this.journal = journal;
        this.processes = processes;
        this.clock = clock;
    }

    /** Advances to the next stage, or asks for approval when the current stage needs it. */
    @Transactional
    public OpportunityView advance(UUID id, AdvanceRequest request) {
        TenantScope scope = access.requireWorker();
        Opportunity o = workable(scope, id);
        SalesProcessView process = processes.find(o.processId()).orElseThrow();
        SalesProcessView.StageView current = process.stage(o.stageId());
        legal(() -> OpportunityLifecycle.next(o.status(), OpportunityAction.ADVANCE));
        if (o.pendingStageId() != null) {
            throw ApiProblem.conflict("an advance of this opportunity is waiting for approval",
                    Map.of("currentStatus", o.status().name()));
        }
        SalesProcessView.StageView next = process.after(current);
        if (next == null) {
            throw ApiProblem.conflict("the opportunity is at the last stage: win, lose or invalidate it",
                    Map.of("currentStatus", o.status().name()));
        }
        satisfy(o, current, request);
        Instant now = Instant.now(clock);
        OpportunityMove move = current.requiresApproval() && !OpportunityAccess.supervises(scope)
                ? o.requestAdvance(next.id())
                : o.advance(OpportunityAction.ADVANCE, next.id(), next.position(), now);
        opportunities.saveAndFlush(o);
        journal.record(scope, move, null, now);
        return OpportunityService.view(o, process);
    }

    @Transactional
    public OpportunityView approveAdvance(UUID id) {
        return decide(id, true);
    }

    @Transactional
    public OpportunityView refuseAdvance(UUID id) {
        return decide(id, false);
    }

    private OpportunityView decide(UUID id, boolean approved) {
        TenantScope scope = access.requireWorker();
        Opportunity o = access.visible(scope, id);
        if (!OpportunityAccess.supervises(scope)) {
            throw ApiProblem.forbidden("only managers approve stage advances");
        }
        if (o.pendingStageId() == null) {
            throw ApiProblem.conflict("no advance of this opportunity is waiting for approval",
                    Map.of("currentStatus", o.status().name()));
        }
        SalesProcessView process = processes.find(o.processId()).orElseThrow();
        Instant now = Instant.now(clock);
        OpportunityMove move = approved
                ? o.advance(OpportunityAction.APPROVE_ADVANCE, o.pendingStageId(),
                        process.stage(o.pendingStageId()).position(), now)
                : o.refuseAdvance();
        opportunities.saveAndFlush(o);
        journal.record(scope, move, null, now);
        return OpportunityService.view(o, process);
    }

    /** Won at the last stage, with that stage's mandatory feedback. */
    @Transactional
    public OpportunityView win(UUID id, AdvanceRequest request) {
        TenantScope scope = access.requireWorker();
        Opportunity o = workable(scope, id);
        SalesProcessView process = processes.find(o.processId()).orElseThrow();
        SalesProcessView.StageView current = process.stage(o.stageId());
        legal(() -> OpportunityLifecycle.next(o.status(), OpportunityAction.WIN));
        if (process.after(current) != null) {
            throw ApiProblem.conflict("an opportunity is won at the last stage of its process",
                    Map.of("currentStatus", o.status().name()));
        }
        satisfy(o, current, request);
        return close(scope, o, process, OpportunityAction.WIN, null);
    }

    @Transactional
    public OpportunityView lose(UUID id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiProblem.invalidField("reason", "a lost opportunity needs a reason");
        }
        TenantScope scope = access.requireWorker();
        Opportunity o = workable(scope, id);
        return close(scope, o, processes.find(o.processId()).orElseThrow(), OpportunityAction.LOSE, reason.strip());
    }

    @Transactional
    public OpportunityView invalidate(UUID id, String reason) {
        TenantScope scope = access.requireWorker();
        Opportunity o = workable(scope, id);
        return close(scope, o, processes.find(o.processId()).orElseThrow(), OpportunityAction.INVALIDATE, reason);
    }

    private OpportunityView close(TenantScope scope, Opportunity o, SalesProcessView process, OpportunityAction action,
                                  String reason) {
        Instant now = Instant.now(clock);
        OpportunityMove move = legal(() -> o.close(action, reason, now));
        opportunities.saveAndFlush(o);
        journal.record(scope, move, reason, now);
        return OpportunityService.view(o, process);
    }

    private Opportunity workable(TenantScope scope, UUID id) {
        Opportunity o = access.visible(scope, id);
        if (!access.canChange(scope, o)) {
            throw ApiProblem.forbidden("only the opportunity's owner and superiors, users it is shared with "
                    + "read/write and managers may move it");
        }
        return o;
    }

    /** Takes the request's feedback and tasks, then refuses when the stage's requirements are still unmet. */
    private static void satisfy(Opportunity o, SalesProcessView.StageView stage, AdvanceRequest request) {
        String merged = Feedback.merge(o.feedbackJson(), request == null ? null : request.feedback());
        List<String> tasks = request == null || request.completedTasks() == null ? List.of() : request.completedTasks();
        o.recordFeedback(merged, tasks);
        Map<String, Object> feedback = Feedback.read(merged);
        Set<String> done = new LinkedHashSet<>(o.completedTasks());
        List<ApiProblem.FieldProblem> missing = new ArrayList<>();
        stage.requiredFields().stream().filter(f -> !feedback.containsKey(f))
                .forEach(f -> missing.add(new ApiProblem.FieldProblem("feedback." + f,
                        "is required to leave stage " + stage.name())));
        stage.requiredTasks().stream().filter(t -> !done.contains(t))
                .forEach(t -> missing.add(new ApiProblem.FieldProblem("completedTasks",
                        "task '" + t + "' is required to leave stage " + stage.name())));
        if (!missing.isEmpty()) {
            throw new StageRequirementsMissing(stage.name(), missing);
        }
    }

    private static <T> T legal(Supplier<T> move) {
        try {
            return move.get();
        } catch (IllegalOpportunityTransition refused) {
            throw ApiProblem.conflict(refused.getMessage(), Map.of("currentStatus", refused.current().name()));
        }
    }
}
