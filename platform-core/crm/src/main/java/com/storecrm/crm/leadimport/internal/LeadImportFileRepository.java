package com.storecrm.crm.leadimport.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LeadImportFileRepository extends JpaRepository<LeadImportFile, UUID> {
}
