package com.storecrm.crm.organisation.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A user's primary department: one per user, so joining another department moves the user. */
@Entity
@Table(name = "department_member")
public class DepartmentMember {

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "department_id")
    private UUID departmentId;

    @Column(name = "added_at")
    private Instant addedAt;

    @Column(name = "added_by")
    private UUID addedBy;

    protected DepartmentMember() {
    }

    public DepartmentMember(UUID userId, UUID departmentId, UUID addedBy, Instant addedAt) {
        this.userId = userId;
        this.departmentId = departmentId;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    public void moveTo(UUID departmentId, UUID by, Instant at) {
        this.departmentId = departmentId;
        this.addedBy = by;
        this.addedAt = at;
    }

    public UUID userId() {
        return userId;
    }

    public UUID departmentId() {
        return departmentId;
    }
}
