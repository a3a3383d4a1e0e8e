package com.storecrm.crm.leadimport;

/** QUEUED until the job starts, RUNNING while it works (or its process died), then COMPLETED or FAILED. */
public enum LeadImportStatus { QUEUED, RUNNING, COMPLETED, FAILED }
