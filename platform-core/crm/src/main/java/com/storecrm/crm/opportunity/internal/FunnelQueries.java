package com.storecrm.crm.opportunity.internal;

import com.storecrm.crm.opportunity.OpportunityStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The funnel's figures from the running totals the database keeps per store, owner, process,
 * expected close month or day, and stage (tables {@code opportunity_funnel_month/_day} and
 * {@code opportunity_stay_month/_day}, kept by triggers; see migration V16). A tenant has hundreds of
 * thousands of opportunities and the funnel needs a few hundred sums of them: whole months of a
 * period are read from the monthly totals, the days of a month the period covers only in part from
 * the daily ones, so a funnel reads a few thousand rows whatever the number of opportunities.
 */
@Component
public class FunnelQueries {

    /** Opportunities alike for the funnel: how many, and their amount in all. */
    public record Group(UUID processId, UUID stageId, OpportunityStatus status, int furthestPosition, long count,
                        BigDecimal amount) {
    }

    /** Completed stays in one stage: how many, and their seconds in all. */
    public record Stays(UUID stageId, long count, long seconds) {
    }

    /**
     * Which opportunities: of these stores, of these owners or every owner (null), of one process or
     * all (null), expected to close from {@code closeFrom} to {@code closeTo}, each end optional.
     */
    public record Selection(Collection<UUID> stores, Collection<UUID> owners, UUID processId, LocalDate closeFrom,
                            LocalDate closeTo) {
    }

    @PersistenceContext
    private EntityManager entities;

    public List<Group> groups(Selection selection) {
        Sql sql = new Sql(selection, "process_id, stage_id, status, furthest_position, opportunities, amount",
                "opportunity_funnel");
        List<?> rows = sql.query(entities, """
                select process_id, stage_id, status, furthest_position, cast(sum(opportunities) as bigint), sum(amount)
                from (%s) cells group by process_id, stage_id, status, furthest_position
                having sum(opportunities) <> 0""").getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new Group((UUID) r[0], (UUID) r[1], OpportunityStatus.valueOf((String) r[2]),
                        ((Number) r[3]).intValue(), ((Number) r[4]).longValue(), (BigDecimal) r[5]))
                .toList();
    }

    public List<Stays> stays(Selection selection) {
        Sql sql = new Sql(selection, "stage_id, stays, seconds", "opportunity_stay");
        List<?> rows = sql.query(entities, """
                select stage_id, cast(sum(stays) as bigint), cast(sum(seconds) as bigint)
                from (%s) cells group by stage_id having sum(stays) <> 0""").getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new Stays((UUID) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .toList();
    }

    /** The cells of a selection: whole months from the monthly table, the rest of the period from the daily one. */
    private static final class Sql {

        private final List<String> parts = new ArrayList<>();
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        Sql(Selection selection, String columns, String table) {
            StringBuilder common = new StringBuilder(" where store_id in (:stores)");
            parameters.put("stores", selection.stores());
            if (selection.owners() != null) {
                common.append(" and owner_id in (:owners)");
                parameters.put("owners", selection.owners());
            }
            if (selection.processId() != null) {
                common.append(" and process_id = :process");
                parameters.put("process", selection.processId());
            }
            String monthly = "select " + columns + " from " + table + "_month" + common;
            String daily = "select " + columns + " from " + table + "_day" + common;
            LocalDate from = selection.closeFrom();
            LocalDate to = selection.closeTo();
            // the first whole month of the period, and the first month after its last whole month
            LocalDate monthsFrom = from == null || from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
            LocalDate monthsUntil = to == null ? null
                    : to.getDayOfMonth() == to.lengthOfMonth() ? to.plusDays(1) : to.withDayOfMonth(1);
            if (monthsFrom != null && monthsUntil != null && !monthsFrom.isBefore(monthsUntil)) {
                parts.add(daily + days("all", from, to));
                return;
            }
            parts.add(monthly + (monthsFrom == null ? "" : " and close_month >= :monthsFrom")
                    + (monthsUntil == null ? "" : " and close_month < :monthsUntil"));
            if (monthsFrom != null) {
                parameters.put("monthsFrom", monthsFrom);
            }
            if (monthsUntil != null) {
                parameters.put("monthsUntil", monthsUntil);
            }
            if (from != null && from.isBefore(monthsFrom)) {
                parts.add(daily + days("head", from, monthsFrom.minusDays(1)));
            }
            if (to != null && !to.isBefore(monthsUntil)) {
                parts.add(daily + days("tail", monthsUntil, to));
            }
        }

        private String days(String name, LocalDate first, LocalDate last) {
            StringBuilder range = new StringBuilder();
            if (first != null) {
                range.append(" and expected_close_date >= :").append(name).append("First");
                parameters.put(name + "First", first);
            }
            if (last != null) {
                range.append(" and expected_close_date <= :").append(name).append("Last");
                parameters.put(name + "Last", last);
            }
            return range.toString();
        }

        Query query(EntityManager entities, String outer) {
            Query query = entities.createNativeQuery(outer.formatted(String.join(" union all ", parts)));
            parameters.forEach(query::setParameter);
            return query;
        }
    }
}
