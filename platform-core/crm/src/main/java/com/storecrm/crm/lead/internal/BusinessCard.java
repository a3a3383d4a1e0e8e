package com.storecrm.crm.lead.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The text of the business card a lead was created from, kept as scanned. */
@Entity
@Table(name = "lead_business_card")
public class BusinessCard {

    /** The card's fields a lead has no field of its own for, and the numbers as printed. */
    public record Text(String jobTitle, String department, String mobile, String phone, String fax, String email,
                       String wechat, String address, String website, String note) {
    }

    @Id
    @Column(name = "lead_id")
    private UUID leadId;

    @Column(name = "store_id")
    private UUID storeId;

    @Column(name = "job_title")
    private String jobTitle;

    private String department;
    private String mobile;
    private String phone;
    private String fax;
    private String email;
    private String wechat;
    private String address;
    private String website;
    private String note;

    @Column(name = "scanned_at")
    private Instant scannedAt;

    @Column(name = "scanned_by")
    private UUID scannedBy;

    protected BusinessCard() {
    }

    public static BusinessCard of(Lead lead, Text text, UUID by, Instant at) {
        BusinessCard card = new BusinessCard();
        card.leadId = lead.id();
        card.storeId = lead.storeId();
        card.jobTitle = text.jobTitle();
        card.department = text.department();
        card.mobile = text.mobile();
        card.phone = text.phone();
        card.fax = text.fax();
        card.email = text.email();
        card.wechat = text.wechat();
        card.address = text.address();
        card.website = text.website();
        card.note = text.note();
        card.scannedBy = by;
        card.scannedAt = at;
        return card;
    }

    public UUID leadId() {
        return leadId;
    }

    public Text text() {
        return new Text(jobTitle, department, mobile, phone, fax, email, wechat, address, website, note);
    }

    public Instant scannedAt() {
        return scannedAt;
    }

    public UUID scannedBy() {
        return scannedBy;
    }
}
