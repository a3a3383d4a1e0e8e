package com.storecrm.crm.visit;

public enum VisitStatus { PLANNED, CHECKED_IN, COMPLETED, CANCELLED }
