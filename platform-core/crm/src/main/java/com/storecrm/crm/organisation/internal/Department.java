package com.storecrm.crm.organisation.internal;

import com.storecrm.tenancy.jpa.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A department of the tenant, placed under a parent (or at the top) and led by a head. */
@Entity
@Table(name = "department")
public class Department extends AuditedEntity {

    @Id
    private UUID id;

    private String name;

    @Column(name = "parent_id")
    private UUID parentId;

    @Column(name = "head_id")
    private UUID headId;

    protected Department() {
    }

    public static Department create(String name, UUID parentId, UUID headId) {
        Department department = new Department();
        department.id = UUID.randomUUID();
        department.name = name.trim();
        department.parentId = parentId;
        department.headId = headId;
        return department;
    }

    public void rename(String name) {
        this.name = name.trim();
    }

    public void moveUnder(UUID parentId) {
        this.parentId = parentId;
    }

    public void ledBy(UUID headId) {
        this.headId = headId;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public UUID parentId() {
        return parentId;
    }

    public UUID headId() {
        return headId;
    }
}
