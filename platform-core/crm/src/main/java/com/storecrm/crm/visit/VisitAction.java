package com.storecrm.crm.visit;

public enum VisitAction { CHECK_IN, CHECK_OUT, CANCEL }
