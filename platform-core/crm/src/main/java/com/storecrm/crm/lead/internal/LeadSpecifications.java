package com.storecrm.crm.lead.internal;

import com.storecrm.crm.lead.LeadStatus;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;

/** The building blocks of lead views and filters; the service combines them under the caller's visibility. */
public final class LeadSpecifications {

    private LeadSpecifications() {
    }

    public static Specification<Lead> inStores(Collection<UUID> stores) {
        return (root, query, cb) -> root.get("storeId").in(stores);
    }

    public static Specification<Lead> statusIn(Collection<LeadStatus> statuses) {
        return (root, query, cb) -> root.get("status").in(statuses);
    }

    public static Specification<Lead> notDiscarded() {
        return (root, query, cb) -> cb.notEqual(root.get("status"), LeadStatus.DISCARDED);
    }

    public static Specification<Lead> ownedBy(UUID user) {
        return (root, query, cb) -> cb.equal(root.get("ownerId"), user);
    }

    public static Specification<Lead> idIn(Collection<UUID> ids) {
        return (root, query, cb) -> ids.isEmpty() ? cb.disjunction() : root.get("id").in(ids);
    }

    public static Specification<Lead> sourceIn(Collection<String> sources) {
        return (root, query, cb) -> root.get("source").in(sources);
    }

    public static Specification<Lead> createdBetween(Instant from, Instant to) {
        return between("createdAt", from, to);
    }

    public static Specification<Lead> updatedBetween(Instant from, Instant to) {
        return between("updatedAt", from, to);
    }

    /** A planned follow-up whose day is before {@code day}. */
    public static Specification<Lead> followUpBefore(LocalDate day) {
        return (root, query, cb) -> cb.lessThan(root.get("nextFollowUpOn"), day);
    }

    /** No follow-up planned yet, or one planned for {@code day} or earlier. */
    public static Specification<Lead> followUpDueBy(LocalDate day) {
        return (root, query, cb) -> cb.or(cb.isNull(root.get("nextFollowUpOn")),
                cb.lessThanOrEqualTo(root.get("nextFollowUpOn"), day));
    }

    /** A custom field equal to a value in its normalised text form (see the service's normalisation). */
    public static Specification<Lead> customFieldEquals(String key, String value) {
        return (root, query, cb) -> cb.equal(customField(root, cb, key), value);
    }

    /**
     * A number custom field within a range (either end open). Compared as jsonb, where numbers order
     * numerically; the service only ever stores numbers in number fields.
     */
    public static Specification<Lead> customNumberBetween(String key, java.math.BigDecimal min, java.math.BigDecimal max) {
        return (root, query, cb) -> {
            Expression<String> stored = cb.function("jsonb_extract_path", String.class, root.get("customFields"),
                    cb.literal(key));
            return cb.and(
                    min == null ? cb.conjunction() : cb.greaterThanOrEqualTo(stored, cb.function("to_jsonb", String.class, cb.literal(min))),
                    max == null ? cb.conjunction() : cb.lessThanOrEqualTo(stored, cb.function("to_jsonb", String.class, cb.literal(max))));
        };
    }

    /** A date custom field within a range, compared as ISO dates, whose text order is their time order. */
    public static Specification<Lead> customDateBetween(String key, LocalDate from, LocalDate to) {
        return (root, query, cb) -> {
            Expression<String> date = customField(root, cb, key);
            return cb.and(from == null ? cb.conjunction() : cb.greaterThanOrEqualTo(date, from.toString()),
                    to == null ? cb.conjunction() : cb.lessThanOrEqualTo(date, to.toString()));
        };
    }

    private static Expression<String> customField(Root<Lead> root, jakarta.persistence.criteria.CriteriaBuilder cb,
                                                  String key) {
        return cb.function("jsonb_extract_path_text", String.class, root.get("customFields"), cb.literal(key));
    }

    private static Specification<Lead> between(String property, Instant from, Instant to) {
        return (root, query, cb) -> cb.and(
                from == null ? cb.conjunction() : cb.greaterThanOrEqualTo(root.get(property), from),
                to == null ? cb.conjunction() : cb.lessThan(root.get(property), to));
    }
}
