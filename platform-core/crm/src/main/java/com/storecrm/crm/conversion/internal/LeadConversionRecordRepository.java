package com.storecrm.crm.conversion.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LeadConversionRecordRepository extends JpaRepository<LeadConversionRecord, UUID> {
}
