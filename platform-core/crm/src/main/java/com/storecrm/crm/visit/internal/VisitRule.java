package com.storecrm.crm.visit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The tenant's check-in rule: one row per tenant schema. */
@Entity
@Table(name = "visit_rule")
public class VisitRule {

    public static final int ID = 1;

    @Id
    private Integer id;

    @Column(name = "check_in_tolerance_meters")
    private int checkInToleranceMeters;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private UUID updatedBy;

    protected VisitRule() {
    }

    public void change(int checkInToleranceMeters, UUID by, Instant at) {
        this.checkInToleranceMeters = checkInToleranceMeters;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public int checkInToleranceMeters() {
        return checkInToleranceMeters;
    }
}
