package com.storecrm.crm.campaign.internal;

import com.storecrm.crm.campaign.CampaignStatus;
import com.storecrm.tenancy.jpa.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A marketing campaign of one store (SPEC §3.2). */
@Entity
@Table(name = "campaign")
public class Campaign extends AuditedEntity {

    @Id
    private UUID id;

    @Column(name = "store_id", nullable = false, updatable = false)
    private UUID storeId;

    private String name;
    private String type;

    @Enumerated(EnumType.STRING)
    private CampaignStatus status;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    private BigDecimal budget;

    @Column(name = "actual_cost")
    private BigDecimal actualCost;

    private String description;

    protected Campaign() {
    }

    /** What a client may set on a campaign; the store is fixed at creation. */
    public record Details(String name, String type, CampaignStatus status, LocalDate startDate, LocalDate endDate,
                          BigDecimal budget, BigDecimal actualCost, String description) {
    }

    public static Campaign plan(UUID storeId, Details details) {
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.storeId = storeId;
        campaign.revise(details);
        return campaign;
    }

    public void revise(Details details) {
        name = details.name();
        type = details.type();
        status = details.status();
        startDate = details.startDate();
        endDate = details.endDate();
        budget = details.budget();
        actualCost = details.actualCost();
        description = details.description();
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

    public String type() {
        return type;
    }

    public CampaignStatus status() {
        return status;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public LocalDate endDate() {
        return endDate;
    }

    public BigDecimal budget() {
        return budget;
    }

    public BigDecimal actualCost() {
        return actualCost;
    }

    public String description() {
        return description;
    }
}
