package com.storecrm.crm.leadimport.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.repository.query.Param;

public interface LeadImportRepository extends JpaRepository<LeadImport, UUID> {

    @NativeQuery("""
            select row_number, cast(cells as text), reason from lead_import_row
            where import_id = :importId and reason is not null order by row_number""")
    List<Object[]> rejectedRows(@Param("importId") UUID importId);
}
