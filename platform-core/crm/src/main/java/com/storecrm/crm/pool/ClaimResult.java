package com.storecrm.crm.pool;

import java.util.List;
import java.util.UUID;

/** The answer to a claim: the leads now the caller's and the refused ones with their reasons. */
public record ClaimResult(List<UUID> claimed, List<Refusal> refused) {
}
