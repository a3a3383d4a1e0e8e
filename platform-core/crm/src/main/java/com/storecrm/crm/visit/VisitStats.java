package com.storecrm.crm.visit;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Planned versus completed visits (visit manual 3.4.3) per store and visitor over [from, to]:
 * planned visits falling in the period, how many of them were completed, visits completed in the
 * period (planned or ad hoc), cancelled ones, distinct customers visited, and the completion rate
 * (completed planned / planned; null when nothing was planned).
 */
public record VisitStats(LocalDate from, LocalDate to, List<Row> rows, Row total) {

    public record Row(UUID storeId, UUID visitorId, long planned, long plannedCompleted, long completed,
                      long adHocCompleted, long cancelled, long customersVisited, Double completionRate) {
    }
}
