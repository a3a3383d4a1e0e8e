package com.storecrm.crm.campaign.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of the tenant's configurable list of campaign types; retired entries stay for old campaigns. */
@Entity
@Table(name = "campaign_type")
public class CampaignType {

    @Id
    private String code;

    private String label;

    private int position;

    private boolean active;

    protected CampaignType() {
    }

    public CampaignType(String code, String label, int position) {
        this.code = code;
        this.label = label;
        this.position = position;
        this.active = true;
    }

    public void offer(String newLabel, int newPosition) {
        label = newLabel;
        position = newPosition;
        active = true;
    }

    public void retire() {
        active = false;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }
}
