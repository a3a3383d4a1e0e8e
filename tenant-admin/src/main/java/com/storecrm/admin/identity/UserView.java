package com.storecrm.admin.identity;

import java.util.List;
import java.util.UUID;

public record UserView(UUID id, String username, String displayName, boolean enabled, List<String> roles,
                       List<UUID> storeIds, UUID superiorId) {
}
