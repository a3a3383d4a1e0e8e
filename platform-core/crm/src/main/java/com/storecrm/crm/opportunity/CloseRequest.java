package com.storecrm.crm.opportunity;

import jakarta.validation.constraints.Size;

/** Why an opportunity was lost (required) or marked invalid. */
public record CloseRequest(@Size(max = 500) String reason) {
}
