package com.storecrm.crm.lead.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.UUID;

/** A member of a lead's related team (SPEC §3.1): reads the lead, and works it with read/write access. */
@Embeddable
public class TeamMember {

    public enum Access { READ, READ_WRITE }

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    // Carried on every row so that the row-level policy can check the store like on any other table.
    @Column(name = "store_id", nullable = false)
    private UUID storeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Access access;

    protected TeamMember() {
    }

    TeamMember(UUID userId, UUID storeId, Access access) {
        this.userId = userId;
        this.storeId = storeId;
        this.access = access;
    }

    public UUID userId() {
        return userId;
    }

    public Access access() {
        return access;
    }
}
