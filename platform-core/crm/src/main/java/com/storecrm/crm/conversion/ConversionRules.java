package com.storecrm.crm.conversion;

import jakarta.validation.constraints.NotNull;

/**
 * The tenant's duplicate rules for conversion (lead manual 4.4): link an existing customer of the
 * same name instead of creating one; refuse a contact whose mobile number or email a contact of the
 * store has; refuse an opportunity whose name the customer's opportunities already use.
 */
public record ConversionRules(@NotNull Boolean accountDuplicateCheck, @NotNull Boolean contactDuplicateCheck,
                              @NotNull Boolean uniqueOpportunityNamePerAccount) {
}
