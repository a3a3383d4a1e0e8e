package com.storecrm.crm.conversion.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What one converted lead became; written once, with the conversion. */
@Entity
@Table(name = "lead_conversion")
public class LeadConversionRecord {

    @Id
    @Column(name = "lead_id")
    private UUID leadId;

    @Column(name = "store_id", nullable = false)
    private UUID storeId;

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Column(name = "account_linked", nullable = false)
    private boolean accountLinked;

    @Column(name = "contact_id")
    private UUID contactId;

    @Column(name = "opportunity_id")
    private UUID opportunityId;

    @Column(name = "activities_copied", nullable = false)
    private int activitiesCopied;

    @Column(name = "converted_by", nullable = false)
    private UUID convertedBy;

    @Column(name = "converted_at", nullable = false)
    private Instant convertedAt;

    protected LeadConversionRecord() {
    }

    public static LeadConversionRecord of(UUID leadId, UUID storeId, UUID accountId, boolean accountLinked,
                                          UUID contactId, UUID opportunityId, int activitiesCopied, UUID convertedBy,
                                          Instant convertedAt) {
        LeadConversionRecord record = new LeadConversionRecord();
        record.leadId = leadId;
        record.storeId = storeId;
        record.accountId = accountId;
        record.accountLinked = accountLinked;
        record.contactId = contactId;
        record.opportunityId = opportunityId;
        record.activitiesCopied = activitiesCopied;
        record.convertedBy = convertedBy;
        record.convertedAt = convertedAt;
        return record;
    }
}
