package com.storecrm.crm.organisation.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DepartmentRepository extends JpaRepository<Department, UUID> {

    List<Department> findAllByOrderByNameAsc();

    boolean existsByParentId(UUID parentId);

    boolean existsByNameIgnoreCase(String name);
}
