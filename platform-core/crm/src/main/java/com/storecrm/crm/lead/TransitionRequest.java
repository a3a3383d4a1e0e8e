package com.storecrm.crm.lead;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a lead is marked invalid, re-activated, discarded or restored: kept in its history. */
public record TransitionRequest(@NotBlank @Size(max = 500) String reason) {
}
