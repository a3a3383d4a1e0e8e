package com.storecrm.crm.organisation.internal;

import com.storecrm.crm.organisation.RecordType;
import com.storecrm.crm.organisation.SharingAccess;
import com.storecrm.crm.organisation.SharingSource;
import com.storecrm.crm.organisation.SharingTarget;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Records of one type owned by a user (or a department's members) shared with a user, department or group. */
@Entity
@Table(name = "sharing_rule")
public class SharingRule {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "record_type")
    private RecordType recordType;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_kind")
    private SharingSource.Kind sourceKind;

    @Column(name = "source_id")
    private UUID sourceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_kind")
    private SharingTarget.Kind targetKind;

    @Column(name = "target_id")
    private UUID targetId;

    @Enumerated(EnumType.STRING)
    private SharingAccess access;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private UUID createdBy;

    protected SharingRule() {
    }

    public static SharingRule create(RecordType type, SharingSource source, SharingTarget target, SharingAccess access,
                                     UUID by, Instant at) {
        SharingRule rule = new SharingRule();
        rule.id = UUID.randomUUID();
        rule.recordType = type;
        rule.sourceKind = source.kind();
        rule.sourceId = source.id();
        rule.targetKind = target.kind();
        rule.targetId = target.id();
        rule.access = access;
        rule.createdBy = by;
        rule.createdAt = at;
        return rule;
    }

    public UUID id() {
        return id;
    }

    public RecordType recordType() {
        return recordType;
    }

    public SharingSource source() {
        return new SharingSource(sourceKind, sourceId);
    }

    public SharingTarget target() {
        return new SharingTarget(targetKind, targetId);
    }

    public SharingAccess access() {
        return access;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public UUID createdBy() {
        return createdBy;
    }
}
