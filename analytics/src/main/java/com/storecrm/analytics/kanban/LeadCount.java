package com.storecrm.analytics.kanban;

import java.util.UUID;

public record LeadCount(UUID storeId, String status, long count) {
}
