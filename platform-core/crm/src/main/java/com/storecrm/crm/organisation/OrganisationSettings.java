package com.storecrm.crm.organisation;

import jakarta.validation.constraints.NotNull;

/** The manual's "upper-level visible data range": whether a department head also sees child departments' data. */
public record OrganisationSettings(@NotNull Boolean headsSeeChildDepartments) {
}
