package com.storecrm.crm.opportunity;

import java.math.BigDecimal;

/** The average days from creation to win of the won opportunities of one product line. */
public record CycleTime(String productLine, long won, BigDecimal averageDays) {
}
