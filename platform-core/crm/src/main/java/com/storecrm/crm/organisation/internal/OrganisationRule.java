package com.storecrm.crm.organisation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The tenant's visibility settings (configuration over code): one row per tenant schema. */
@Entity
@Table(name = "organisation_rule")
public class OrganisationRule {

    public static final int ID = 1;

    @Id
    private Integer id;

    @Column(name = "heads_see_child_departments")
    private boolean headsSeeChildDepartments;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private UUID updatedBy;

    protected OrganisationRule() {
    }

    public void change(boolean headsSeeChildDepartments, UUID by, Instant at) {
        this.headsSeeChildDepartments = headsSeeChildDepartments;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public boolean headsSeeChildDepartments() {
        return headsSeeChildDepartments;
    }
}
