package com.storecrm.crm.opportunity;

public enum OpportunityStatus { OPEN, WON, LOST, INVALID }
