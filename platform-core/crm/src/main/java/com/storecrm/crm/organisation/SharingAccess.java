package com.storecrm.crm.organisation;

/** What a sharing rule or a related-team membership allows. */
public enum SharingAccess {
    READ, READ_WRITE
}
