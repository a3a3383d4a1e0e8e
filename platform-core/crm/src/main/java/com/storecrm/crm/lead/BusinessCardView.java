package com.storecrm.crm.lead;

import java.time.Instant;
import java.util.UUID;

public record BusinessCardView(UUID leadId, String jobTitle, String department, String mobile, String phone,
                               String fax, String email, String wechat, String address, String website, String note,
                               Instant scannedAt, UUID scannedBy) {
}
