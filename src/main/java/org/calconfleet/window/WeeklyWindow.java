package org.calconfleet.window;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Every {@code day} from {@code start} to {@code end}, wall-clock time in {@code zone}. An end at or before the start
 * closes the window on the next day (Saturday 22:00–02:00). A time that a change of clocks skips moves on by the
 * skipped hour (02:30 on the night clocks go from 02:00 to 03:00 is 03:30); a repeated hour counts from its first
 * occurrence.
 */
public record WeeklyWindow(DayOfWeek day, LocalTime start, LocalTime end, ZoneId zone) {

    ZonedDateTime opensOn(LocalDate date) {
        return ZonedDateTime.of(date, start, zone);
    }

    ZonedDateTime closesAfterOpeningOn(LocalDate date) {
        return ZonedDateTime.of(end.isAfter(start) ? date : date.plusDays(1), end, zone);
    }
}
