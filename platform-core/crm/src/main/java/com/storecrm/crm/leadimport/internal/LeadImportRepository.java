package com.storecrm.crm.leadimport.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.repository.query.Param;

public interface LeadImportRepository extends JpaRepository<LeadImport, UUID> {

    /**
     * Records a row as seen, once: a replayed chunk finds its rows there already and skips them, so
     * no row creates a second lead. Returns 0 for a row seen before.
     */
    @Modifying
    @NativeQuery("""
            insert into lead_import_row (import_id, row_number, store_id, cells)
            values (:importId, :row, :store, cast(:cells as jsonb)) on conflict do nothing""")
    int claimRow(@Param("importId") UUID importId, @Param("row") int row, @Param("store") UUID store,
                 @Param("cells") String cellsJson);

    @Modifying
    @NativeQuery("update lead_import_row set lead_id = :lead where import_id = :importId and row_number = :row")
    int accepted(@Param("importId") UUID importId, @Param("row") int row, @Param("lead") UUID lead);

    @Modifying
    @NativeQuery("update lead_import_row set reason = :reason where import_id = :importId and row_number = :row")
    int rejected(@Param("importId") UUID importId, @Param("row") int row, @Param("reason") String reason);

    /** The row of this import that created the lead, if one did. */
    @NativeQuery("select row_number from lead_import_row where import_id = :importId and lead_id = :lead")
    Optional<Integer> rowOfLead(@Param("importId") UUID importId, @Param("lead") UUID lead);

    /** Rows done, accepted and rejected so far (committed chunks only, as every other reader sees them). */
    @NativeQuery("""
            select count(*), count(lead_id), count(reason) from lead_import_row where import_id = :importId""")
    List<Object[]> progress(@Param("importId") UUID importId);

    @NativeQuery("""
            select row_number, cast(cells as text), reason from lead_import_row
            where import_id = :importId and reason is not null order by row_number""")
    List<Object[]> rejectedRows(@Param("importId") UUID importId);
}
