package com.storecrm.crm.conversion.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The tenant's duplicate rules for conversion: one row per tenant schema. */
@Entity
@Table(name = "conversion_rule")
public class ConversionRule {

    public static final int ID = 1;

    @Id
    private Integer id;

    @Column(name = "account_duplicate_check")
    private boolean accountDuplicateCheck;

    @Column(name = "contact_duplicate_check")
    private boolean contactDuplicateCheck;

    @Column(name = "unique_opportunity_name_per_account")
    private boolean uniqueOpportunityNamePerAccount;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private UUID updatedBy;

    protected ConversionRule() {
    }

    public void change(boolean accountDuplicateCheck, boolean contactDuplicateCheck,
                       boolean uniqueOpportunityNamePerAccount, UUID by, Instant at) {
        this.accountDuplicateCheck = accountDuplicateCheck;
        this.contactDuplicateCheck = contactDuplicateCheck;
        this.uniqueOpportunityNamePerAccount = uniqueOpportunityNamePerAccount;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public boolean accountDuplicateCheck() {
        return accountDuplicateCheck;
    }

    public boolean contactDuplicateCheck() {
        return contactDuplicateCheck;
    }

    public boolean uniqueOpportunityNamePerAccount() {
        return uniqueOpportunityNamePerAccount;
    }
}
