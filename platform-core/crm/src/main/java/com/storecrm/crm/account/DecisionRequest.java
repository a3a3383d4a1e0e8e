package com.storecrm.crm.account;

import jakarta.validation.constraints.Size;

/** A supervisor's decision on a claim application, with an optional note for the applicant. */
public record DecisionRequest(@Size(max = 500) String note) {
}
