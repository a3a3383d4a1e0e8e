package com.storecrm.crm.organisation.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UserGroupRepository extends JpaRepository<UserGroup, UUID> {

    List<UserGroup> findAllByOrderByNameAsc();

    boolean existsByNameIgnoreCase(String name);
}
