package com.storecrm.crm.opportunity.internal;

import com.storecrm.crm.opportunity.OpportunityAction;
import com.storecrm.crm.opportunity.OpportunityStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * The funnel's figures summed in the database: a tenant has hundreds of thousands of opportunities,
 * and the funnel needs only a few hundred sums of them. Over every owner's opportunities of some
 * stores they come from the running totals the database keeps per store, process, expected close
 * date and stage (tables {@code opportunity_funnel_total} and {@code opportunity_stay_total}, kept
 * by triggers); over one owner's, which are few, from the opportunities and their history.
 */
@Component
public class FunnelQueries {

    /** Actions that end a stay in a stage: an advance or the close (the totals' trigger counts the same). */
    static final Set<OpportunityAction> STAY_ENDS = EnumSet.of(OpportunityAction.ADVANCE,
            OpportunityAction.APPROVE_ADVANCE, OpportunityAction.WIN, OpportunityAction.LOSE,
            OpportunityAction.INVALIDATE);

    /** Opportunities alike for the funnel: how many, and their amount in all. */
    public record Group(UUID processId, UUID stageId, OpportunityStatus status, int furthestPosition, long count,
                        BigDecimal amount) {
    }

    /** Completed stays in one stage: how many, and their seconds in all. */
    public record Stays(UUID stageId, long count, long seconds) {
    }

    @PersistenceContext
    private EntityManager entities;

    /** Every owner's opportunities of {@code stores}, optionally of one process and expected to close in a period. */
    public List<Group> groupsOfStores(Collection<UUID> stores, UUID processId, LocalDate closeFrom, LocalDate closeTo) {
        Query query = entities.createNativeQuery("""
                select process_id, stage_id, status, furthest_position, cast(sum(opportunities) as bigint), sum(amount)
                from opportunity_funnel_total where store_id in (:stores)""" + narrowed(processId, closeFrom, closeTo)
                + " group by process_id, stage_id, status, furthest_position having sum(opportunities) <> 0");
        List<?> rows = bind(query, stores, processId, closeFrom, closeTo).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new Group((UUID) r[0], (UUID) r[1], OpportunityStatus.valueOf((String) r[2]),
                        ((Number) r[3]).intValue(), ((Number) r[4]).longValue(), (BigDecimal) r[5]))
                .toList();
    }

    /** Completed stays of every owner's opportunities of {@code stores}, narrowed as {@link #groupsOfStores}. */
    public List<Stays> staysOfStores(Collection<UUID> stores, UUID processId, LocalDate closeFrom, LocalDate closeTo) {
        Query query = entities.createNativeQuery("""
                select stage_id, cast(sum(stays) as bigint), cast(sum(seconds) as bigint)
                from opportunity_stay_total where store_id in (:stores)""" + narrowed(processId, closeFrom, closeTo)
                + " group by stage_id having sum(stays) <> 0");
        List<?> rows = bind(query, stores, processId, closeFrom, closeTo).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new Stays((UUID) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .toList();
    }

    /** The opportunities {@code filter} selects (one owner's: few), from the opportunities themselves. */
    public List<Group> groups(Specification<Opportunity> filter) {
        CriteriaBuilder cb = entities.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<Opportunity> o = query.from(Opportunity.class);
        query.multiselect(o.get("processId"), o.get("stageId"), o.get("status"), o.get("furthestPosition"), cb.count(o),
                        cb.sum(o.<BigDecimal>get("amount")))
                .where(filter.toPredicate(o, query, cb))
                .groupBy(o.get("processId"), o.get("stageId"), o.get("status"), o.get("furthestPosition"));
        return entities.createQuery(query).getResultList().stream()
                .map(t -> new Group(t.get(0, UUID.class), t.get(1, UUID.class), t.get(2, OpportunityStatus.class),
                        t.get(3, Integer.class), t.get(4, Long.class), t.get(5, BigDecimal.class)))
                .toList();
    }

    /** Completed stays of the opportunities {@code filter} selects, from their history. */
    public List<Stays> stays(Specification<Opportunity> filter) {
        CriteriaBuilder cb = entities.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<OpportunityHistoryEntry> e = query.from(OpportunityHistoryEntry.class);
        Subquery<UUID> selected = query.subquery(UUID.class);
        Root<Opportunity> o = selected.from(Opportunity.class);
        selected.select(o.get("id")).where(filter.toPredicate(o, query, cb));
        query.multiselect(e.get("fromStage"), cb.count(e), cb.sum(e.<Long>get("secondsInStage")))
                .where(e.get("opportunityId").in(selected), cb.isNotNull(e.get("secondsInStage")),
                        e.get("action").in(STAY_ENDS))
                .groupBy(e.get("fromStage"));
        return entities.createQuery(query).getResultList().stream()
                .map(t -> new Stays(t.get(0, UUID.class), t.get(1, Long.class), t.get(2, Long.class)))
                .toList();
    }

    private static String narrowed(UUID processId, LocalDate closeFrom, LocalDate closeTo) {
        return (processId == null ? "" : " and process_id = :process")
                + (closeFrom == null ? "" : " and expected_close_date >= :closeFrom")
                + (closeTo == null ? "" : " and expected_close_date <= :closeTo");
    }

    private static Query bind(Query query, Collection<UUID> stores, UUID processId, LocalDate closeFrom,
                              LocalDate closeTo) {
        query.setParameter("stores", stores);
        if (processId != null) {
            query.setParameter("process", processId);
        }
        if (closeFrom != null) {
            query.setParameter("closeFrom", closeFrom);
        }
        if (closeTo != null) {
            query.setParameter("closeTo", closeTo);
        }
        return query;
    }
}
