package com.storecrm.crm.organisation.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DepartmentMemberRepository extends JpaRepository<DepartmentMember, UUID> {

    List<DepartmentMember> findByDepartmentId(UUID departmentId);

    boolean existsByDepartmentId(UUID departmentId);
}
