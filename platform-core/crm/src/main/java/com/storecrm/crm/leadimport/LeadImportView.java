package com.storecrm.crm.leadimport;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An import and its progress: rows of committed chunks, so the counts only grow while it runs and
 * a restarted run continues from them. {@code mapping} is the column-to-lead-field mapping used.
 */
public record LeadImportView(UUID id, UUID storeId, String fileName, LeadImportStatus status, int totalRows,
                             long rowsRead, long rowsWritten, long rowsRejected, Map<String, String> mapping,
                             String failure, Instant createdAt, UUID createdBy, Instant finishedAt) {
}
