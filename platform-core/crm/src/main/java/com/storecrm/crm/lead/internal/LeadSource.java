package com.storecrm.crm.lead.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of the tenant's configurable list of lead sources; retired entries stay for old leads. */
@Entity
@Table(name = "lead_source")
public class LeadSource {

    @Id
    private String code;

    private String label;

    private int position;

    private boolean active;

    protected LeadSource() {
    }

    public LeadSource(String code, String label, int position) {
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

    public boolean active() {
        return active;
    }
}
