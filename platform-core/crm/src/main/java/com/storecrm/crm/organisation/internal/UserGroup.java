package com.storecrm.crm.organisation.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** A named set of users across departments and stores, to share records with. */
@Entity
@Table(name = "user_group")
public class UserGroup {

    @Id
    private UUID id;

    private String name;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private UUID createdBy;

    @ElementCollection
    @CollectionTable(name = "user_group_member", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "user_id")
    private Set<UUID> members = new HashSet<>();

    protected UserGroup() {
    }

    public static UserGroup create(String name, Collection<UUID> members, UUID by, Instant at) {
        UserGroup group = new UserGroup();
        group.id = UUID.randomUUID();
        group.name = name.trim();
        group.members.addAll(members);
        group.createdBy = by;
        group.createdAt = at;
        return group;
    }

    public void replaceMembers(Collection<UUID> members) {
        this.members.retainAll(members);
        this.members.addAll(members);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Set<UUID> members() {
        return Set.copyOf(members);
    }
}
