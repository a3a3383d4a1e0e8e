package com.storecrm.crm.leadimport.internal;

import com.storecrm.crm.leadimport.LeadImportStatus;
import com.storecrm.tenancy.jpa.AuditedEntity;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** An uploaded file and the state of its import; the file stays so a restarted run can read it again. */
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

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", updatable = false)
    private byte[] content;

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

    protected LeadImport() {
    }

    public static LeadImport queue(UUID storeId, String fileName, ImportFile.Format format, byte[] content,
                                   String headerJson, String mappingJson, String defaultsJson, int totalRows) {
        LeadImport upload = new LeadImport();
        upload.id = UUID.randomUUID();
        upload.storeId = storeId;
        upload.fileName = fileName;
        upload.format = format;
        upload.content = content;
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

    public byte[] content() {
        return content;
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
