package com.storecrm.crm.salesprocess.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SalesProcessRepository extends JpaRepository<SalesProcess, UUID> {

    boolean existsByNameIgnoreCase(String name);
}
