package com.storecrm.crm.leadimport.internal;

import com.storecrm.crm.lead.LeadIntake;
import com.storecrm.crm.leadimport.LeadImportChunkListener;
import com.storecrm.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the rows of a chunk into leads, through the lead feature's own rules, and records each row's
 * outcome in the chunk's transaction. A row recorded before - by a chunk that committed although its
 * run did not record its position - is skipped, so a replay creates no second lead.
 */
class ImportRowWriter implements ItemWriter<ImportRow> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ImportRun run;
    private final LeadImportRepository imports;
    private final LeadIntake intake;
    private final List<LeadImportChunkListener> listeners;
    private final EntityManager entities;
    private List<String> header;
    private HeaderMapping mapping;
    private int chunks;

    ImportRowWriter(ImportRun run, LeadImportRepository imports, LeadIntake intake, List<LeadImportChunkListener> listeners,
                    EntityManager entities) {
        this.run = run;
        this.entities = entities;
        this.imports = imports;
        this.intake = intake;
        this.listeners = listeners;
    }

    @Override
    public void write(Chunk<? extends ImportRow> rows) {
        int chunk = ++chunks;
        TenantContext.runAs(run.scope(), () -> {
            listeners.forEach(listener -> listener.beforeChunk(run.importId(), chunk));
            if (mapping == null) {
                plan();
            }
            for (ImportRow row : rows) {
                if (imports.claimRow(run.importId(), row.rowNumber(), run.storeId(), JSON.writeValueAsString(row.cells())) == 1) {
                    admit(row);
                }
                // each flush would otherwise dirty-check every lead of the chunk so far: quadratic per chunk
                entities.flush();
                entities.clear();
            }
            listeners.forEach(listener -> listener.afterChunk(run.importId(), chunk));
        });
    }

    private void admit(ImportRow row) {
        LeadIntake.Admission outcome;
        try {
            outcome = intake.admit(mapping.lead(run.storeId(), header, row));
        } catch (HeaderMapping.NotACampaign notACampaign) {
            outcome = new LeadIntake.Refused(notACampaign.getMessage(), null, null);
        }
        if (outcome instanceof LeadIntake.Admitted admitted) {
            imports.accepted(run.importId(), row.rowNumber(), admitted.leadId());
        } else if (outcome instanceof LeadIntake.Refused refused) {
            imports.rejected(run.importId(), row.rowNumber(), reason(refused));
        }
    }

    /** A duplicate of a lead this very file created names that row: the user fixes the file, not the CRM. */
    private String reason(LeadIntake.Refused refused) {
        if (refused.existingId() == null) {
            return refused.reason();
        }
        Optional<Integer> earlierRow = imports.rowOfLead(run.importId(), refused.existingId());
        return earlierRow.map(n -> refused.duplicateField() + ": duplicates row " + n + " of this file")
                .orElse(refused.reason());
    }

    private void plan() {
        LeadImport upload = imports.findById(run.importId())
                .orElseThrow(() -> new IllegalStateException("import " + run.importId() + " is gone"));
        header = JSON.readValue(upload.headerJson(), new TypeReference<List<String>>() { });
        mapping = new HeaderMapping(JSON.readValue(upload.mappingJson(), new TypeReference<java.util.Map<String, String>>() { }),
                JSON.readValue(upload.defaultsJson(), new TypeReference<java.util.Map<String, String>>() { }));
    }
}
