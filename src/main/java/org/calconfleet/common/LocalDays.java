package org.calconfleet.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Counting by the reader's calendar days while the database groups. H2 and PostgreSQL disagree on which zone a
 * timestamp's date is taken in, so rows are grouped by their quarter-hour since the epoch, which means the same
 * everywhere, and the quarter-hours are then folded into days of the reader's zone. Every time zone's offset is a
 * whole number of quarter-hours, so no quarter-hour straddles a local midnight.
 */
public final class LocalDays {

    public static final long QUARTER_HOUR_SECONDS = 900;

    /** The quarter-hour of the timestamp {@code ?} in SQL that H2 and PostgreSQL both read the same way. */
    public static final String QUARTER_HOUR_SQL =
            "cast(floor(extract(epoch from ?) / " + QUARTER_HOUR_SECONDS + ") as bigint)";

    public static LocalDate dayOf(long quarterHour, ZoneId zone) {
        return Instant.ofEpochSecond(quarterHour * QUARTER_HOUR_SECONDS).atZone(zone).toLocalDate();
    }

    public static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private LocalDays() {
    }
}
