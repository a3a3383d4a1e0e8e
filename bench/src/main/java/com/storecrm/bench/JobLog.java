package com.storecrm.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What the CDC job's log tells the benchmark: the settings it started with and when a line was
 * written. Lines start with the time of day, {@code HH:mm:ss.SSS}, in UTC (the job runs with
 * {@code -Duser.timezone=UTC}); the wait for a line polls the file twice a second, so its own
 * timestamp is the better measure of when the job got going.
 */
final class JobLog {

    static final String SETTINGS_MARKER = "with CdcSettings[";

    private JobLog() {
    }

    /** When the first line containing {@code marker} was written, or empty when there is none or it has no time. */
    static Optional<Instant> timeOf(String log, String marker, Instant now) {
        return line(log, marker).flatMap(line -> {
            try {
                LocalTime time = LocalTime.parse(line.substring(0, Math.min(12, line.length())));
                Instant at = LocalDate.ofInstant(now, ZoneOffset.UTC).atTime(time).toInstant(ZoneOffset.UTC);
                // a line from just before midnight read just after it
                return Optional.of(at.isAfter(now.plus(Duration.ofMinutes(1))) ? at.minus(Duration.ofDays(1)) : at);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /** The job's settings as it logged them at start ({@code CdcSettings[...]}), or empty. */
    static Optional<String> settings(String log) {
        return line(log, SETTINGS_MARKER).map(line -> {
            int start = line.indexOf(SETTINGS_MARKER) + "with ".length();
            int end = line.indexOf(']', start);
            return end < 0 ? line.substring(start) : line.substring(start, end + 1);
        });
    }

    private static Optional<String> line(String log, String marker) {
        int at = log.indexOf(marker);
        if (at < 0) {
            return Optional.empty();
        }
        int start = log.lastIndexOf('\n', at) + 1;
        int end = log.indexOf('\n', at);
        return Optional.of(log.substring(start, end < 0 ? log.length() : end));
    }
}
