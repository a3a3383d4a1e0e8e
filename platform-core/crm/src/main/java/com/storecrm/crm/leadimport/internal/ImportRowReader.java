package com.storecrm.crm.leadimport.internal;

import com.storecrm.tenancy.TenantContext;
import java.util.List;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the stored file of the run's import row by row. Its position is saved with every committed
 * chunk, so a restarted run continues after the last committed row.
 */
class ImportRowReader extends AbstractItemCountingItemStreamItemReader<ImportRow> {

    private final ImportRun run;
    private final LeadImportRepository imports;
    private final LeadImportFileRepository files;
    private final TransactionTemplate transaction;
    private final int maxRows;
    private List<ImportRow> rows;
    private int next;

    ImportRowReader(ImportRun run, LeadImportRepository imports, LeadImportFileRepository files,
                    TransactionTemplate transaction, int maxRows) {
        this.run = run;
        this.imports = imports;
        this.files = files;
        this.transaction = transaction;
        this.maxRows = maxRows;
        setName("rows");
    }

    @Override
    protected void doOpen() {
        rows = TenantContext.callAs(run.scope(), () -> transaction.execute(status -> {
            LeadImport upload = imports.findById(run.importId()).orElseThrow(this::gone);
            LeadImportFile file = files.findById(run.importId()).orElseThrow(this::gone);
            return ImportFile.read(upload.format(), file.content(), maxRows).rows();
        }));
        next = 0;
    }

    private IllegalStateException gone() {
        return new IllegalStateException("import " + run.importId() + " is gone");
    }

    @Override
    protected ImportRow doRead() {
        return next < rows.size() ? rows.get(next++) : null;
    }

    @Override
    protected void jumpToItem(int itemIndex) {
        next = Math.min(itemIndex, rows.size());
    }

    @Override
    protected void doClose() {
        rows = null;
    }
}
