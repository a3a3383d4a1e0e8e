package com.storecrm.crm.pool.internal;

import com.storecrm.crm.pool.PoolType;
import com.storecrm.tenancy.jpa.AuditedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A lead pool of one store: its people, its type and its rules (SPEC §3.3). */
@Entity
@Table(name = "lead_pool")
public class LeadPool extends AuditedEntity {

    @Id
    private UUID id;

    @Column(name = "store_id", nullable = false, updatable = false)
    private UUID storeId;

    private String name;

    @Enumerated(EnumType.STRING)
    private PoolType type;

    private String region;
    private String industry;

    @Column(name = "default_assignee_id")
    private UUID defaultAssigneeId;

    @Column(name = "follow_up_timeout_hours")
    private Integer followUpTimeoutHours;

    @Column(name = "return_warning_hours")
    private Integer returnWarningHours;

    @Column(name = "auto_return")
    private boolean autoReturn;

    @Column(name = "claim_limit")
    private Integer claimLimit;

    @Column(name = "daily_claim_limit")
    private Integer dailyClaimLimit;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "lead_pool_member", joinColumns = @JoinColumn(name = "pool_id"))
    private List<PoolMember> people = new ArrayList<>();

    protected LeadPool() {
    }

    /** The rules of a pool as configured by the tenant administrator. */
    public record Rules(PoolType type, String region, String industry, UUID defaultAssigneeId,
                        Integer followUpTimeoutHours, Integer returnWarningHours, boolean autoReturn,
                        Integer claimLimit, Integer dailyClaimLimit) {
    }

    public static LeadPool create(UUID storeId, String name, Rules rules, Collection<UUID> admins,
                                  Collection<UUID> members) {
        LeadPool pool = new LeadPool();
        pool.id = UUID.randomUUID();
        pool.storeId = storeId;
        pool.name = name;
        pool.type = rules.type();
        pool.region = rules.region();
        pool.industry = rules.industry();
        pool.defaultAssigneeId = rules.defaultAssigneeId();
        pool.followUpTimeoutHours = rules.followUpTimeoutHours();
        pool.returnWarningHours = rules.returnWarningHours();
        pool.autoReturn = rules.autoReturn();
        pool.claimLimit = rules.claimLimit();
        pool.dailyClaimLimit = rules.dailyClaimLimit();
        admins.forEach(user -> pool.people.add(new PoolMember(user, storeId, PoolMember.Role.ADMIN)));
        members.forEach(user -> pool.people.add(new PoolMember(user, storeId, PoolMember.Role.MEMBER)));
        return pool;
    }

    public boolean isAdmin(UUID user) {
        return people.stream().anyMatch(p -> p.role() == PoolMember.Role.ADMIN && p.userId().equals(user));
    }

    public boolean isMember(UUID user) {
        return people.stream().anyMatch(p -> p.role() == PoolMember.Role.MEMBER && p.userId().equals(user));
    }

    public Set<UUID> admins() {
        return people(PoolMember.Role.ADMIN);
    }

    public Set<UUID> members() {
        return people(PoolMember.Role.MEMBER);
    }

    private Set<UUID> people(PoolMember.Role role) {
        return people.stream().filter(p -> p.role() == role).map(PoolMember::userId).collect(Collectors.toSet());
    }

    public UUID id() {
        return id;
    }

    public UUID storeId() {
        return storeId;
    }

    public String name() {
        return name;
    }

    public PoolType type() {
        return type;
    }

    public Rules rules() {
        return new Rules(type, region, industry, defaultAssigneeId, followUpTimeoutHours, returnWarningHours,
                autoReturn, claimLimit, dailyClaimLimit);
    }
}
