package com.storecrm.crm.organisation;

import java.util.List;
import java.util.UUID;

public record DepartmentView(UUID id, String name, UUID parentId, UUID headId, List<UUID> memberIds) {
}
