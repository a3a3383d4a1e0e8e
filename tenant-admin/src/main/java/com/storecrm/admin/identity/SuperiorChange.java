package com.storecrm.admin.identity;

import java.util.UUID;

/** A user's new superior; none takes the user out of any superior chain. */
public record SuperiorChange(UUID superiorId) {
}
