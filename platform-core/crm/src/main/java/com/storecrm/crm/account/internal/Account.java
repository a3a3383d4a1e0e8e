package com.storecrm.crm.account.internal;

import com.storecrm.crm.account.CustomerOwnership;
import com.storecrm.crm.account.OwnershipAction;
import com.storecrm.crm.account.OwnershipStatus;
import com.storecrm.tenancy.jpa.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A customer profile of one store. Its ownership moves only through the action methods below, each
 * of which asks {@link CustomerOwnership} and reports what it did as an {@link OwnershipChange}.
 */
@Entity
@Table(name = "account")
public class Account extends AuditedEntity {

    @Id
    private UUID id;

    @Column(name = "store_id", nullable = false, updatable = false)
    private UUID storeId;

    private String name;
    private String tier;
    private String province;
    private String city;
    private String address;
    private Double latitude;
    private Double longitude;
    private String mobile;
    @Column(name = "chat_id")
    private String chatId;
    @Column(name = "product_preferences")
    private String productPreferences;
    @Column(name = "purchase_intention")
    private String purchaseIntention;
    private String[] tags = new String[0];

    // JSON text validated by the service; jsonb so that filters could run in the database.
    @Column(name = "custom_fields", nullable = false)
    @ColumnTransformer(write = "?::jsonb")
    private String customFields = "{}";

    @Enumerated(EnumType.STRING)
    private OwnershipStatus ownership;

    @Column(name = "owner_id")
    private UUID ownerId;

    @Column(name = "owned_since")
    private Instant ownedSince;

    @Column(name = "last_return_visit_at")
    private Instant lastReturnVisitAt;

    @Column(name = "return_visit_due_at")
    private Instant returnVisitDueAt;

    @Column(name = "in_high_seas_since")
    private Instant inHighSeasSince;

    protected Account() {
    }

    /** Everything a user enters about a customer. */
    public record Profile(String name, String tier, String province, String city, String address, Double latitude,
                          Double longitude, String mobile, String chatId, String productPreferences,
                          String purchaseIntention, List<String> tags, String customFieldsJson) {
    }

    public static Account create(UUID storeId, Profile profile, UUID ownerId, Instant now) {
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.storeId = storeId;
        account.edit(profile);
        account.ownership = CustomerOwnership.created();
        account.ownerId = ownerId;
        account.ownedSince = now;
        return account;
    }

    public void edit(Profile profile) {
        name = profile.name();
        tier = profile.tier();
        province = profile.province();
        city = profile.city();
        address = profile.address();
        latitude = profile.latitude();
        longitude = profile.longitude();
        mobile = profile.mobile();
        chatId = profile.chatId();
        productPreferences = profile.productPreferences();
        purchaseIntention = profile.purchaseIntention();
        tags = profile.tags() == null ? new String[0] : profile.tags().toArray(String[]::new);
        customFields = profile.customFieldsJson();
    }

    public OwnershipChange created() {
        return new OwnershipChange(id, storeId, OwnershipAction.CREATE, OwnershipStatus.HIGH_SEAS, ownership, null,
                ownerId);
    }

    public OwnershipChange release(Instant now) {
        return toHighSeas(OwnershipAction.RELEASE, now);
    }

    public OwnershipChange applyToClaim() {
        return move(OwnershipAction.APPLY_TO_CLAIM, null);
    }

    public OwnershipChange refuseClaim() {
        return move(OwnershipAction.REFUSE_CLAIM, null);
    }

    /** The applicant owns the customer on condition of a return visit before {@code deadline}. */
    public OwnershipChange approveClaim(UUID applicant, Instant now, Instant deadline) {
        OwnershipChange change = move(OwnershipAction.APPROVE_CLAIM, applicant);
        ownedSince = now;
        lastReturnVisitAt = null;
        returnVisitDueAt = deadline;
        inHighSeasSince = null;
        return change;
    }

    public OwnershipChange recordReturnVisit(Instant at) {
        OwnershipChange change = move(OwnershipAction.RECORD_RETURN_VISIT, ownerId);
        if (lastReturnVisitAt == null || at.isAfter(lastReturnVisitAt)) {
            lastReturnVisitAt = at;
        }
        returnVisitDueAt = null;
        return change;
    }

    private OwnershipChange toHighSeas(OwnershipAction action, Instant now) {
        OwnershipChange change = move(action, null);
        ownedSince = null;
        returnVisitDueAt = null;
        inHighSeasSince = now;
        return change;
    }

    private OwnershipChange move(OwnershipAction action, UUID newOwner) {
        OwnershipStatus from = ownership;
        UUID fromOwner = ownerId;
        ownership = CustomerOwnership.next(from, action);
        ownerId = newOwner;
        return new OwnershipChange(id, storeId, action, from, ownership, fromOwner, ownerId);
    }

    public UUID id() {
        return id;
    }

    public UUID storeId() {
        return storeId;
    }

    public String name() {
        return name;
    }

    public String tier() {
        return tier;
    }

    public String province() {
        return province;
    }

    public String city() {
        return city;
    }

    public String address() {
        return address;
    }

    public Double latitude() {
        return latitude;
    }

    public Double longitude() {
        return longitude;
    }

    public String mobile() {
        return mobile;
    }

    public String chatId() {
        return chatId;
    }

    public String productPreferences() {
        return productPreferences;
    }

    public String purchaseIntention() {
        return purchaseIntention;
    }

    public List<String> tags() {
        return List.of(tags);
    }

    public String customFieldsJson() {
        return customFields;
    }

    public OwnershipStatus ownership() {
        return ownership;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public Instant ownedSince() {
        return ownedSince;
    }

    public Instant lastReturnVisitAt() {
        return lastReturnVisitAt;
    }

    public Instant returnVisitDueAt() {
        return returnVisitDueAt;
    }

    public Instant inHighSeasSince() {
        return inHighSeasSince;
    }
}
