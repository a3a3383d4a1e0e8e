package com.storecrm.crm.visit;

/** A visit planned ahead (counted in the plan statistics) or made on the spot. */
public enum VisitKind { PLANNED, AD_HOC }
