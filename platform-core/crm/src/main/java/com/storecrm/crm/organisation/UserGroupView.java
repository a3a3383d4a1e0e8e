package com.storecrm.crm.organisation;

import java.util.List;
import java.util.UUID;

public record UserGroupView(UUID id, String name, List<UUID> memberIds) {
}
