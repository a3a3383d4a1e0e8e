package com.storecrm.crm.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A department: its name (unique in the tenant, any case), its parent (none: top level) and its head. */
public record NewDepartment(@NotBlank @Size(max = 100) String name, UUID parentId, UUID headId) {
}
