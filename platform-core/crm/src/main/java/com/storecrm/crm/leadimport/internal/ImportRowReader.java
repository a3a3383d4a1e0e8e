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
    private final TransactionTemplate transaction;
    private final int maxRows;
    private List<ImportRow> rows;
    private int next;

    ImportRowReader(ImportRun run, LeadImportRepository imports, TransactionTemplate transaction, int maxRows) {
        this.run = run;
        this.imports = imports;
        this.transaction = transaction;
        this.maxRows = maxRows;
        setName("rows");
    }

    @Override
    protected void doOpen() {
        LeadImport upload = TenantContext.callAs(run.scope(), () -> transaction.execute(status -> imports
                .findById(run.importId()).orElseThrow(() -> new IllegalStateException("import " + run.importId()
                        + " is gone"))));
        rows = ImportFile.read(upload.format(), upload.content(), maxRows).rows();
        next = 0;
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
