package com.storecrm.crm.salesprocess;

import com.storecrm.crm.salesprocess.internal.SalesProcess;
import com.storecrm.crm.salesprocess.internal.SalesProcessRepository;
import com.storecrm.crm.salesprocess.internal.SalesStage;
import com.storecrm.crm.salesprocess.internal.SalesStageRepository;
import com.storecrm.tenancy.PlatformRole;
import com.storecrm.tenancy.TenantContext;
import com.storecrm.tenancy.TenantScope;
import com.storecrm.tenancy.web.ApiProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's sales processes (SPEC §3.5): configured by the tenant administrator, read by everyone who sells. */
@Service
public class SalesProcessService {

    private static final int DEFAULT_REMINDER_DAYS = 7;

    private final SalesProcessRepository processes;
    private final SalesStageRepository stages;

    SalesProcessService(SalesProcessRepository processes, SalesStageRepository stages) {
        this.processes = processes;
        this.stages = stages;
    }

    @Transactional
    public SalesProcessView create(NewSalesProcess request) {
        TenantScope scope = TenantContext.require();
        if (!scope.has(PlatformRole.TENANT_ADMIN)) {
            throw ApiProblem.forbidden("only the tenant administrator configures sales processes");
        }
        if (processes.existsByNameIgnoreCase(request.name().strip())) {
            throw ApiProblem.conflict("a sales process named '" + request.name().strip() + "' exists already");
        }
        var names = new HashSet<String>();
        for (int i = 0; i < request.stages().size(); i++) {
            if (!names.add(request.stages().get(i).name().strip().toLowerCase())) {
                throw ApiProblem.invalidField("stages[" + i + "].name", "must differ from the other stages' names");
            }
        }
        SalesProcess process = processes.saveAndFlush(SalesProcess.create(request.name().strip(),
                request.departmentIds() == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(request.departmentIds())),
                request.closeReminderDays() == null ? DEFAULT_REMINDER_DAYS : request.closeReminderDays()));
        List<SalesStage> created = new ArrayList<>();
        for (int i = 0; i < request.stages().size(); i++) {
            NewSalesProcess.Stage stage = request.stages().get(i);
            created.add(SalesStage.of(process.id(), i + 1, stage.name().strip(), stage.probability(),
                    stage.requiredFields() == null ? List.of() : stage.requiredFields(),
                    stage.requiredTasks() == null ? List.of() : stage.requiredTasks(),
                    Boolean.TRUE.equals(stage.requiresApproval())));
        }
        stages.saveAllAndFlush(created);
        return view(process, created);
    }

    @Transactional(readOnly = true)
    public SalesProcessView get(UUID id) {
        TenantContext.require();
        return find(id).orElseThrow(() -> ApiProblem.notFound("sales process"));
    }

    /** The process, for another feature's use case; empty when the tenant has none with this id. */
    @Transactional(readOnly = true)
    public Optional<SalesProcessView> find(UUID id) {
        return processes.findById(id).map(p -> view(p, stages.findByProcessIdOrderByPosition(p.id())));
    }

    @Transactional(readOnly = true)
    public List<SalesProcessView> list() {
        TenantContext.require();
        List<SalesProcess> all = processes.findAll(org.springframework.data.domain.Sort.by("name"));
        Map<UUID, List<SalesStage>> byProcess = stages.findByProcessIdInOrderByProcessIdAscPositionAsc(
                all.stream().map(SalesProcess::id).toList()).stream()
                .collect(Collectors.groupingBy(SalesStage::processId));
        return all.stream().map(p -> view(p, byProcess.getOrDefault(p.id(), List.of()))).toList();
    }

    private static SalesProcessView view(SalesProcess process, List<SalesStage> stages) {
        return new SalesProcessView(process.id(), process.name(), process.departmentIds(), process.closeReminderDays(),
                stages.stream().map(s -> new SalesProcessView.StageView(s.getId(), s.position(), s.name(),
                        s.probability(), s.requiredFields(), s.requiredTasks(), s.requiresApproval())).toList());
    }
}
