package com.storecrm.crm.leadimport.internal;

import com.storecrm.crm.lead.LeadIntake;
import com.storecrm.crm.lead.NewLead;
import com.storecrm.crm.leadimport.LeadImportChunkListener;
import com.storecrm.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the rows of a chunk into leads, through the lead feature's own rules, and records each row's
 * outcome in the chunk's transaction. A row recorded before - by a chunk that committed although its
 * run did not record its position - is skipped, so a replay creates no second lead. The chunk is
 * handled as a whole: its rows are looked up, checked and written with a few statements per chunk
 * rather than a few per row (a 100,000-row file is 200 chunks, not 100,000 rounds of queries).
 */
class ImportRowWriter implements ItemWriter<ImportRow> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ImportRun run;
    private final LeadImportRepository imports;
    private final ImportRowStore rowStore;
    private final LeadIntake intake;
    private final List<LeadImportChunkListener> listeners;
    private final EntityManager entities;
    private List<String> header;
    private HeaderMapping mapping;
    private int chunks;

    ImportRowWriter(ImportRun run, LeadImportRepository imports, ImportRowStore rowStore, LeadIntake intake,
                    List<LeadImportChunkListener> listeners, EntityManager entities) {
        this.run = run;
        this.entities = entities;
        this.imports = imports;
        this.rowStore = rowStore;
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
            Set<Integer> recorded = rowStore.recordedBefore(run.importId(),
                    rows.getItems().stream().map(ImportRow::rowNumber).toList());
            admit(rows.getItems().stream().filter(row -> !recorded.contains(row.rowNumber())).toList());
            // recording the outcomes flushed the chunk's leads, the last change of the chunk; a second
            // flush would only dirty-check every one of them again
            entities.clear();
            listeners.forEach(listener -> listener.afterChunk(run.importId(), chunk));
        });
    }

    private void admit(List<? extends ImportRow> rows) {
        List<ImportRowStore.Outcome> outcomes = new ArrayList<>();
        List<ImportRow> requested = new ArrayList<>();
        List<NewLead> requests = new ArrayList<>();
        for (ImportRow row : rows) {
            try {
                requests.add(mapping.lead(run.storeId(), header, row));
                requested.add(row);
            } catch (HeaderMapping.NotACampaign notACampaign) {
                outcomes.add(ImportRowStore.Outcome.rejected(row, notACampaign.getMessage()));
            }
        }
        List<LeadIntake.Admission> admissions = intake.admitAll(requests);
        Map<UUID, Integer> createdHere = new HashMap<>();
        Set<UUID> duplicated = new HashSet<>();
        for (int i = 0; i < admissions.size(); i++) {
            if (admissions.get(i) instanceof LeadIntake.Admitted admitted) {
                createdHere.put(admitted.leadId(), requested.get(i).rowNumber());
            } else if (admissions.get(i) instanceof LeadIntake.Refused refused && refused.existingId() != null) {
                duplicated.add(refused.existingId());
            }
        }
        duplicated.removeAll(createdHere.keySet());
        Map<UUID, Integer> createdEarlier = rowStore.rowsOf(run.importId(), duplicated);
        for (int i = 0; i < admissions.size(); i++) {
            ImportRow row = requested.get(i);
            if (admissions.get(i) instanceof LeadIntake.Admitted admitted) {
                outcomes.add(ImportRowStore.Outcome.accepted(row, admitted.leadId()));
            } else if (admissions.get(i) instanceof LeadIntake.Refused refused) {
                outcomes.add(ImportRowStore.Outcome.rejected(row, reason(refused, createdHere, createdEarlier)));
            }
        }
        rowStore.record(run.importId(), run.storeId(), outcomes);
    }

    /** A duplicate of a lead this very file created names that row: the user fixes the file, not the CRM. */
    private static String reason(LeadIntake.Refused refused, Map<UUID, Integer> createdHere,
                                 Map<UUID, Integer> createdEarlier) {
        if (refused.existingId() == null) {
            return refused.reason();
        }
        Integer earlierRow = createdHere.getOrDefault(refused.existingId(), createdEarlier.get(refused.existingId()));
        return earlierRow == null ? refused.reason()
                : refused.duplicateField() + ": duplicates row " + earlierRow + " of this file";
    }

    private void plan() {
        LeadImport upload = imports.findById(run.importId())
                .orElseThrow(() -> new IllegalStateException("import " + run.importId() + " is gone"));
        header = JSON.readValue(upload.headerJson(), new TypeReference<List<String>>() { });
        mapping = new HeaderMapping(JSON.readValue(upload.mappingJson(), new TypeReference<java.util.Map<String, String>>() { }),
                JSON.readValue(upload.defaultsJson(), new TypeReference<java.util.Map<String, String>>() { }));
    }
}
