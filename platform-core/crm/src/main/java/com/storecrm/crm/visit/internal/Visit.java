package com.storecrm.crm.visit.internal;

import com.storecrm.crm.visit.VisitAction;
import com.storecrm.crm.visit.VisitKind;
import com.storecrm.crm.visit.VisitLifecycle;
import com.storecrm.crm.visit.VisitStatus;
import com.storecrm.tenancy.jpa.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A visit to a customer; its status changes only through {@link VisitLifecycle}. */
@Entity
@Table(name = "visit")
public class Visit extends AuditedEntity {

    @Id
    private UUID id;

    @Column(name = "store_id", nullable = false, updatable = false)
    private UUID storeId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(name = "contact_id")
    private UUID contactId;

    @Column(name = "visitor_id", nullable = false)
    private UUID visitorId;

    @Column(name = "co_visitor_ids", nullable = false)
    private UUID[] coVisitorIds = new UUID[0];

    @Enumerated(EnumType.STRING)
    private VisitKind kind;

    @Enumerated(EnumType.STRING)
    private VisitStatus status;

    @Column(name = "planned_at")
    private Instant plannedAt;

    private String purpose;

    @Column(name = "target_latitude")
    private Double targetLatitude;

    @Column(name = "target_longitude")
    private Double targetLongitude;

    @Column(name = "checked_in_at")
    private Instant checkedInAt;

    @Column(name = "check_in_latitude")
    private Double checkInLatitude;

    @Column(name = "check_in_longitude")
    private Double checkInLongitude;

    @Column(name = "check_in_distance_m")
    private Double checkInDistanceMeters;

    @Column(name = "checked_out_at")
    private Instant checkedOutAt;

    @Column(name = "check_out_latitude")
    private Double checkOutLatitude;

    @Column(name = "check_out_longitude")
    private Double checkOutLongitude;

    @Column(name = "check_out_distance_m")
    private Double checkOutDistanceMeters;

    @Column(name = "duration_seconds")
    private Long durationSeconds;

    // JSON text validated by the service
    @Column(name = "collected_data", nullable = false)
    @ColumnTransformer(write = "?::jsonb")
    private String collectedData = "{}";

    private String summary;

    @Column(name = "cancel_reason")
    private String cancelReason;

    protected Visit() {
    }

    public record Plan(UUID storeId, UUID accountId, UUID contactId, UUID visitorId, List<UUID> coVisitorIds,
                       VisitKind kind, Instant plannedAt, String purpose, Double targetLatitude,
                       Double targetLongitude) {
    }

    public static Visit plan(Plan plan) {
        Visit visit = new Visit();
        visit.id = UUID.randomUUID();
        visit.storeId = plan.storeId();
        visit.accountId = plan.accountId();
        visit.contactId = plan.contactId();
        visit.visitorId = plan.visitorId();
        visit.coVisitorIds = plan.coVisitorIds().toArray(UUID[]::new);
        visit.kind = plan.kind();
        visit.status = VisitStatus.PLANNED;
        visit.plannedAt = plan.plannedAt();
        visit.purpose = plan.purpose();
        visit.targetLatitude = plan.targetLatitude();
        visit.targetLongitude = plan.targetLongitude();
        return visit;
    }

    public void checkIn(Instant at, double latitude, double longitude, Double distanceMeters) {
        status = VisitLifecycle.move(status, VisitAction.CHECK_IN);
        checkedInAt = at;
        checkInLatitude = latitude;
        checkInLongitude = longitude;
        checkInDistanceMeters = distanceMeters;
    }

    public void checkOut(Instant at, double latitude, double longitude, Double distanceMeters, String collectedJson,
                         String summary) {
        status = VisitLifecycle.move(status, VisitAction.CHECK_OUT);
        checkedOutAt = at;
        checkOutLatitude = latitude;
        checkOutLongitude = longitude;
        checkOutDistanceMeters = distanceMeters;
        durationSeconds = Math.max(0, Duration.between(checkedInAt, at).toSeconds());
        collectedData = collectedJson;
        this.summary = summary;
    }

    public void cancel(String reason) {
        status = VisitLifecycle.move(status, VisitAction.CANCEL);
        cancelReason = reason;
    }

    public boolean hasTarget() {
        return targetLatitude != null && targetLongitude != null;
    }

    public UUID id() {
        return id;
    }

    public UUID storeId() {
        return storeId;
    }

    public UUID accountId() {
        return accountId;
    }

    public UUID contactId() {
        return contactId;
    }

    public UUID visitorId() {
        return visitorId;
    }

    public List<UUID> coVisitorIds() {
        return List.of(coVisitorIds);
    }

    public VisitKind kind() {
        return kind;
    }

    public VisitStatus status() {
        return status;
    }

    public Instant plannedAt() {
        return plannedAt;
    }

    public String purpose() {
        return purpose;
    }

    public Double targetLatitude() {
        return targetLatitude;
    }

    public Double targetLongitude() {
        return targetLongitude;
    }

    public Instant checkedInAt() {
        return checkedInAt;
    }

    public Double checkInLatitude() {
        return checkInLatitude;
    }

    public Double checkInLongitude() {
        return checkInLongitude;
    }

    public Double checkInDistanceMeters() {
        return checkInDistanceMeters;
    }

    public Instant checkedOutAt() {
        return checkedOutAt;
    }

    public Double checkOutLatitude() {
        return checkOutLatitude;
    }

    public Double checkOutLongitude() {
        return checkOutLongitude;
    }

    public Double checkOutDistanceMeters() {
        return checkOutDistanceMeters;
    }

    public Long durationSeconds() {
        return durationSeconds;
    }

    public String collectedDataJson() {
        return collectedData;
    }

    public String summary() {
        return summary;
    }

    public String cancelReason() {
        return cancelReason;
    }
}
