package com.storecrm.crm.lead.internal;

import com.storecrm.tenancy.jpa.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A tenant-defined lead field (e.g. interest level, company size): its key, type and choices. */
@Entity
@Table(name = "lead_field")
public class LeadField extends AuditedEntity {

    public enum Type { TEXT, NUMBER, DATE, SINGLE_CHOICE }

    @Id
    private UUID id;

    @Column(name = "key", nullable = false, updatable = false)
    private String key;

    private String label;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Type type;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "options", columnDefinition = "text[]")
    private String[] options;

    private boolean required;

    protected LeadField() {
    }

    public static LeadField define(String key, String label, Type type, List<String> options, boolean required) {
        LeadField field = new LeadField();
        field.id = UUID.randomUUID();
        field.key = key;
        field.label = label;
        field.type = type;
        field.options = options.toArray(String[]::new);
        field.required = required;
        return field;
    }

    public UUID id() {
        return id;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public Type type() {
        return type;
    }

    public List<String> options() {
        return List.of(options);
    }

    public boolean required() {
        return required;
    }
}
