package com.storecrm.crm.leadimport.internal;

import com.storecrm.crm.leadimport.LeadImportStatus;
import com.storecrm.tenancy.jpa.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * An import and its state. The uploaded file itself is a {@link LeadImportFile}, kept so a restarted
 * run can read it again; the progress counters are advanced by the job's chunks (see
 * {@link ImportRowStore}), never written through this entity.
 */
@Entity
@Table(name = "lead_import")
public class LeadImport extends AuditedEntity {

    @Id
    private UUID id;

    @Column(name = "store_id", nullable = false, updatable = false)
    private UUID storeId;

    @Column(name = "file_name")
    private String fileName;

    @Enumerated(EnumType.STRING)
    private ImportFile.Format format;

    @Column(name = "header")
    @ColumnTransformer(write = "?::jsonb")
    private String headerJson;

    @Column(name = "mapping")
    @ColumnTransformer(write = "?::jsonb")
    private String mappingJson;

    @Column(name = "defaults")
    @ColumnTransformer(write = "?::jsonb")
    private String defaultsJson;

    @Column(name = "total_rows")
    private int totalRows;

    @Enumerated(EnumType.STRING)
    private LeadImportStatus status;

    @Column(name = "job_execution_id")
    private Long jobExecutionId;

    private String failure;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "rows_read", insertable = false, updatable = false)
    private int rowsRead;

    @Column(name = "rows_accepted", insertable = false, updatable = false)
    private int rowsAccepted;

    @Column(name = "rows_rejected", insertable = false, updatable = false)
    private int rowsRejected;

    protected LeadImport() {
    }

    public static LeadImport queue(UUID storeId, String fileName, ImportFile.Format format, String headerJson, String mappingJson, String defaultsJson, int totalRows) {
        LeadImport upload = new LeadImport();
        upload.id = UUID.randomUUID();
        upload.storeId = storeId;
        upload.fileName = fileName;
        upload.format = format;
        upload.headerJson = headerJson;
        upload.mappingJson = mappingJson;
        upload.defaultsJson = defaultsJson;
        upload.totalRows = totalRows;
        upload.status = LeadImportStatus.QUEUED;
        return upload;
    }

    public void running(long executionId) {
        jobExecutionId = executionId;
        status = LeadImportStatus.RUNNING;
        failure = null;
        finishedAt = null;
    }

    public void finished(boolean completed, String why, Instant at) {
        status = completed ? LeadImportStatus.COMPLETED : LeadImportStatus.FAILED;
        failure = completed ? null : why;
        finishedAt = at;
    }

    public UUID id() {
        return id;
    }

    public UUID storeId() {
        return storeId;
    }

    public String fileName() {
        return fileName;
    }

    public ImportFile.Format format() {
        return format;
    }

    /** Rows of committed chunks: read, and of them accepted (a lead created) and rejected. */
    public int rowsRead() {
        return rowsRead;
    }

    public int rowsAccepted() {
        return rowsAccepted;
    }

    public int rowsRejected() {
        return rowsRejected;
    }

    public String headerJson() {
        return headerJson;
    }

    public String mappingJson() {
        return mappingJson;
    }

    public String defaultsJson() {
        return defaultsJson;
    }

    public int totalRows() {
        return totalRows;
    }

    public LeadImportStatus status() {
        return status;
    }

    public Long jobExecutionId() {
        return jobExecutionId;
    }

    public String failure() {
        return failure;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
