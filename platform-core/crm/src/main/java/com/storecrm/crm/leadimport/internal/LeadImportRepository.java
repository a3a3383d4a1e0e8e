package com.storecrm.crm.leadimport.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.repository.query.Param;

public interface LeadImportRepository extends JpaRepository<LeadImport, UUID> {

    /** Rows done, accepted and rejected so far (committed chunks only, as every other reader sees them). */
    @NativeQuery("""
            select count(*), count(lead_id), count(reason) from lead_import_row where import_id = :importId""")
    List<Object[]> progress(@Param("importId") UUID importId);

    @NativeQuery("""
            select row_number, cast(cells as text), reason from lead_import_row
            where import_id = :importId and reason is not null order by row_number""")
    List<Object[]> rejectedRows(@Param("importId") UUID importId);
}
