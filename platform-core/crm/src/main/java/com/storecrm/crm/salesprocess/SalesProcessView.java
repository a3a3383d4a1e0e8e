package com.storecrm.crm.salesprocess;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A sales process with its stages in order; other features read stages from here. */
public record SalesProcessView(UUID id, String name, List<UUID> departmentIds, int closeReminderDays,
                               List<StageView> stages) {

    public record StageView(UUID id, int position, String name, BigDecimal probability, List<String> requiredFields,
                            List<String> requiredTasks, boolean requiresApproval) {
    }

    public StageView stage(UUID stageId) {
        return stages.stream().filter(s -> s.id().equals(stageId)).findFirst().orElse(null);
    }

    /** The stage after {@code stage}, or null at the last one. */
    public StageView after(StageView stage) {
        int index = stages.indexOf(stage);
        return index + 1 < stages.size() ? stages.get(index + 1) : null;
    }
}
