package com.storecrm.crm.leadimport.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The file of an import as uploaded: written once, read by each run of the import's job. */
@Entity
@Table(name = "lead_import_file")
public class LeadImportFile {

    @Id
    @Column(name = "import_id")
    private UUID importId;

    @Column(name = "store_id", nullable = false, updatable = false)
    private UUID storeId;

    @Column(name = "content", nullable = false, updatable = false)
    private byte[] content;

    protected LeadImportFile() {
    }

    public LeadImportFile(LeadImport upload, byte[] content) {
        this.importId = upload.id();
        this.storeId = upload.storeId();
        this.content = content;
    }

    byte[] content() {
        return content;
    }
}
