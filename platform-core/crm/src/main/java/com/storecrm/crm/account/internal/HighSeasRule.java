package com.storecrm.crm.account.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The tenant's high-seas rules (configuration over code): one row per tenant schema. */
@Entity
@Table(name = "high_seas_rule")
public class HighSeasRule {

    public static final int ID = 1;

    @Id
    private Integer id;

    @Column(name = "days_without_return_visit")
    private int daysWithoutReturnVisit;

    @Column(name = "return_visit_days_after_claim")
    private int returnVisitDaysAfterClaim;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private UUID updatedBy;

    protected HighSeasRule() {
    }

    public void change(int daysWithoutReturnVisit, int returnVisitDaysAfterClaim, UUID by, Instant at) {
        this.daysWithoutReturnVisit = daysWithoutReturnVisit;
        this.returnVisitDaysAfterClaim = returnVisitDaysAfterClaim;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public int daysWithoutReturnVisit() {
        return daysWithoutReturnVisit;
    }

    public int returnVisitDaysAfterClaim() {
        return returnVisitDaysAfterClaim;
    }
}
