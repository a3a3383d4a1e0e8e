package com.storecrm.crm.salesprocess.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** One ordered stage of a sales process: its win probability and what it takes to leave it. */
@Entity
@Table(name = "sales_stage")
public class SalesStage implements Persistable<UUID> {

    @Id
    private UUID id;

    @Column(name = "process_id", nullable = false, updatable = false)
    private UUID processId;

    private int position;
    private String name;
    private BigDecimal probability;

    @Column(name = "required_fields")
    private String[] requiredFields = new String[0];

    @Column(name = "required_tasks")
    private String[] requiredTasks = new String[0];

    @Column(name = "requires_approval")
    private boolean requiresApproval;

    protected SalesStage() {
    }

    public static SalesStage of(UUID processId, int position, String name, BigDecimal probability,
                                List<String> requiredFields, List<String> requiredTasks, boolean requiresApproval) {
        SalesStage stage = new SalesStage();
        stage.id = UUID.randomUUID();
        stage.processId = processId;
        stage.position = position;
        stage.name = name;
        stage.probability = probability;
        stage.requiredFields = requiredFields.toArray(String[]::new);
        stage.requiredTasks = requiredTasks.toArray(String[]::new);
        stage.requiresApproval = requiresApproval;
        return stage;
    }

    @Override
    public UUID getId() {
        return id;
    }

    // Stages are written once with their process; never updated through this entity.
    @Override
    public boolean isNew() {
        return true;
    }

    public UUID processId() {
        return processId;
    }

    public int position() {
        return position;
    }

    public String name() {
        return name;
    }

    public BigDecimal probability() {
        return probability;
    }

    public List<String> requiredFields() {
        return List.of(requiredFields);
    }

    public List<String> requiredTasks() {
        return List.of(requiredTasks);
    }

    public boolean requiresApproval() {
        return requiresApproval;
    }
}
