package com.storecrm.crm.campaign.internal;

import com.storecrm.crm.campaign.CampaignStatus;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;

public final class CampaignSpecifications {

    private CampaignSpecifications() {
    }

    public static Specification<Campaign> inStores(Collection<UUID> stores) {
        return (root, query, cb) -> root.get("storeId").in(stores);
    }

    public static Specification<Campaign> ofType(String type) {
        return (root, query, cb) -> cb.equal(root.get("type"), type);
    }

    public static Specification<Campaign> withStatus(CampaignStatus status) {
        return (root, query, cb) -> cb.equal(root.get("status"), status);
    }

    /** Campaigns running on any day of [from, to]; either bound may be open. */
    public static Specification<Campaign> runningBetween(LocalDate from, LocalDate to) {
        return (root, query, cb) -> cb.and(
                from == null ? cb.conjunction() : cb.greaterThanOrEqualTo(root.get("endDate"), from),
                to == null ? cb.conjunction() : cb.lessThanOrEqualTo(root.get("startDate"), to));
    }

    public static Specification<Campaign> nameContains(String text) {
        String pattern = "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return (root, query, cb) -> cb.like(cb.lower(root.get("name")), pattern, '\\');
    }
}
