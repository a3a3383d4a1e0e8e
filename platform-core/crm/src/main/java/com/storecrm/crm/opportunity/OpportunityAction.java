package com.storecrm.crm.opportunity;

public enum OpportunityAction { CREATE, ADVANCE, REQUEST_ADVANCE, APPROVE_ADVANCE, REFUSE_ADVANCE, WIN, LOSE, INVALIDATE }
