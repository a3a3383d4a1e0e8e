package com.storecrm.crm.salesprocess.internal;

import com.storecrm.tenancy.jpa.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/** A tenant's sales process, assigned to departments; its stages are {@link SalesStage} rows. */
@Entity
@Table(name = "sales_process")
public class SalesProcess extends AuditedEntity {

    @Id
    private UUID id;

    private String name;

    @Column(name = "department_ids")
    private UUID[] departmentIds = new UUID[0];

    @Column(name = "close_reminder_days")
    private int closeReminderDays;

    protected SalesProcess() {
    }

    public static SalesProcess create(String name, List<UUID> departmentIds, int closeReminderDays) {
        SalesProcess process = new SalesProcess();
        process.id = UUID.randomUUID();
        process.name = name;
        process.departmentIds = departmentIds.toArray(UUID[]::new);
        process.closeReminderDays = closeReminderDays;
        return process;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<UUID> departmentIds() {
        return List.of(departmentIds);
    }

    public int closeReminderDays() {
        return closeReminderDays;
    }
}
