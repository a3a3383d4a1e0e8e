package com.storecrm.crm.lead;

import java.util.List;
import java.util.UUID;

/** A tenant-defined lead field as the API shows it. */
public record LeadFieldView(UUID id, String key, String label, NewLeadField.FieldType type, List<String> options,
                            boolean required) {
}
