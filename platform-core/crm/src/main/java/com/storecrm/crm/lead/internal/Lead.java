package com.storecrm.crm.lead.internal;

import com.storecrm.crm.lead.LeadStatus;
import com.storecrm.tenancy.jpa.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "lead")
public class Lead extends AuditedEntity {

    @Id
    private UUID id;

    @Column(name = "store_id", nullable = false, updatable = false)
    private UUID storeId;

    private String name;
    private String company;
    private String phone;
    private String email;
    private String source;

    @Column(name = "campaign_id")
    private UUID campaignId;

    @Column(name = "pool_id")
    private UUID poolId;

    @Enumerated(EnumType.STRING)
    private LeadStatus status;

    @Column(name = "owner_id")
    private UUID ownerId;

    protected Lead() {
    }

    public static Lead createdBy(UUID creator, UUID storeId, String name, String company, String phone,
                                 String email, String source) {
        Lead lead = new Lead();
        lead.id = UUID.randomUUID();
        lead.storeId = storeId;
        lead.name = name;
        lead.company = company;
        lead.phone = phone;
        lead.email = email;
        lead.source = source;
        lead.status = LeadStatus.PENDING;
        lead.ownerId = creator;
        return lead;
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

    public String company() {
        return company;
    }

    public String phone() {
        return phone;
    }

    public String email() {
        return email;
    }

    public String source() {
        return source;
    }

    public UUID campaignId() {
        return campaignId;
    }

    public UUID poolId() {
        return poolId;
    }

    public LeadStatus status() {
        return status;
    }

    public UUID ownerId() {
        return ownerId;
    }
}
