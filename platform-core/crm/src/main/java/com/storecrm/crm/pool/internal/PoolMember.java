package com.storecrm.crm.pool.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.UUID;

/** An administrator or a member of a pool; one person may be both. */
@Embeddable
public class PoolMember {

    public enum Role { ADMIN, MEMBER }

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "store_id", nullable = false)
    private UUID storeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    protected PoolMember() {
    }

    PoolMember(UUID userId, UUID storeId, Role role) {
        this.userId = userId;
        this.storeId = storeId;
        this.role = role;
    }

    public UUID userId() {
        return userId;
    }

    public Role role() {
        return role;
    }
}
