package com.storecrm.crm.organisation;

/** The record types whose visibility the organisation decides. */
public enum RecordType {
    LEAD, ACCOUNT, OPPORTUNITY, VISIT
}
