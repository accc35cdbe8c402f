package org.calconfleet.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MaintenanceCalendarTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Sundays 02:00–05:00 in Tokyo. 2026-12-06 is a Sunday. */
    private static final WeeklyWindow SUNDAY_NIGHT = window(DayOfWeek.SUNDAY, "02:00", "05:00", TOKYO);

    private static WeeklyWindow window(DayOfWeek day, String start, String end, ZoneId zone) {
        return new WeeklyWindow(day, LocalTime.parse(start), LocalTime.parse(end), zone);
    }

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    private static MaintenanceCalendar windows(WeeklyWindow... windows) {
        return new MaintenanceCalendar(List.of(windows), List.of());
    }

    @Test
    void a_site_without_windows_or_freezes_is_always_open() {
        MaintenanceCalendar calendar = new MaintenanceCalendar(List.of(), List.of());
        assertThat(calendar.isOpen(at("2026-12-09T14:00", TOKYO))).isTrue();
        assertThat(calendar.waitAt(at("2026-12-09T14:00", TOKYO))).isEmpty();
    }

    @Test
    void a_weekly_window_is_open_from_its_start_inclusive_to_its_end_exclusive_in_the_sites_zone() {
        MaintenanceCalendar calendar = windows(SUNDAY_NIGHT);
        assertThat(calendar.isOpen(at("2026-12-06T01:59:59", TOKYO))).isFalse();
        assertThat(calendar.isOpen(at("2026-12-06T02:00", TOKYO))).isTrue();
        assertThat(calendar.isOpen(at("2026-12-06T04:59:59", TOKYO))).isTrue();
        assertThat(calendar.isOpen(at("2026-12-06T05:00", TOKYO))).isFalse();
        assertThat(calendar.isOpen(at("2026-12-13T03:00", TOKYO))).as("the next Sunday").isTrue();
        assertThat(calendar.isOpen(at("2026-12-07T03:00", TOKYO))).as("a Monday").isFalse();
    }

    @Test
    void a_closed_site_waits_for_its_windows_next_opening() {
        MaintenanceCalendar calendar = windows(SUNDAY_NIGHT);
        assertThat(calendar.waitAt(at("2026-12-06T05:00", TOKYO)))
                .contains(new Wait(WaitReason.WINDOW, at("2026-12-13T02:00", TOKYO)));
        assertThat(calendar.waitAt(at("2026-12-05T23:00", TOKYO)))
                .contains(new Wait(WaitReason.WINDOW, at("2026-12-06T02:00", TOKYO)));
        assertThat(calendar.waitAt(at("2026-12-06T01:59:59", TOKYO)))
                .contains(new Wait(WaitReason.WINDOW, at("2026-12-06T02:00", TOKYO)));
    }

    @Test
    void the_window_is_read_in_its_own_zone_not_in_utc() {
        // Sunday 02:00 in Tokyo is Saturday 17:00 UTC
        MaintenanceCalendar calendar = windows(SUNDAY_NIGHT);
        assertThat(calendar.isOpen(Instant.parse("2026-12-05T17:30:00Z"))).isTrue();
        assertThat(calendar.isOpen(Instant.parse("2026-12-06T03:00:00Z"))).isFalse();
    }

    @Test
    void a_window_that_crosses_midnight_closes_on_the_next_day() {
        MaintenanceCalendar calendar = windows(window(DayOfWeek.SATURDAY, "22:00", "02:00", BERLIN));
        assertThat(calendar.isOpen(at("2026-12-05T21:59", BERLIN))).isFalse();
        assertThat(calendar.isOpen(at("2026-12-05T23:30", BERLIN))).isTrue();
        assertThat(calendar.isOpen(at("2026-12-06T01:30", BERLIN))).as("Sunday, still Saturday's window").isTrue();
        assertThat(calendar.isOpen(at("2026-12-06T02:00", BERLIN))).isFalse();
        assertThat(calendar.isOpen(at("2026-12-06T23:00", BERLIN))).as("Sunday evening opens nothing").isFalse();
        assertThat(calendar.waitAt(at("2026-12-06T02:00", BERLIN)))
                .contains(new Wait(WaitReason.WINDOW, at("2026-12-12T22:00", BERLIN)));
    }

    @Test
    void a_window_whose_start_the_clocks_skip_opens_later_by_the_skipped_hour() {
        // 2026-03-29: Berlin goes from 02:00 CET straight to 03:00 CEST; 02:30 becomes 03:30 CEST
        MaintenanceCalendar calendar = windows(window(DayOfWeek.SUNDAY, "02:30", "05:00", BERLIN));
        assertThat(calendar.waitAt(at("2026-03-29T01:00", BERLIN)))
                .contains(new Wait(WaitReason.WINDOW, Instant.parse("2026-03-29T01:30:00Z")));
        assertThat(calendar.isOpen(Instant.parse("2026-03-29T01:29:59Z"))).isFalse();
        assertThat(calendar.isOpen(Instant.parse("2026-03-29T01:30:00Z"))).isTrue();
        assertThat(calendar.isOpen(Instant.parse("2026-03-29T02:59:59Z"))).as("04:59:59 CEST").isTrue();
        assertThat(calendar.isOpen(Instant.parse("2026-03-29T03:00:00Z"))).as("05:00 CEST").isFalse();
    }

    @Test
    void a_window_over_the_hour_that_repeats_lasts_an_hour_longer() {
        // 2026-10-25: Berlin goes from 03:00 CEST back to 02:00 CET; 02:00–03:00 is two hours that day
        MaintenanceCalendar calendar = windows(window(DayOfWeek.SUNDAY, "02:00", "03:00", BERLIN));
        assertThat(calendar.isOpen(Instant.parse("2026-10-24T23:59:59Z"))).isFalse();
        assertThat(calendar.isOpen(Instant.parse("2026-10-25T00:00:00Z"))).as("02:00 CEST").isTrue();
        assertThat(calendar.isOpen(Instant.parse("2026-10-25T01:30:00Z"))).as("02:30 CET").isTrue();
        assertThat(calendar.isOpen(Instant.parse("2026-10-25T02:00:00Z"))).as("03:00 CET").isFalse();
    }

    @Test
    void the_wall_clock_time_holds_across_a_change_of_clocks() {
        // New York springs forward on 2026-03-08: the window keeps 02:00 local after it, not the UTC hour before it
        MaintenanceCalendar calendar = windows(window(DayOfWeek.SATURDAY, "23:00", "04:00", NEW_YORK));
        assertThat(calendar.waitAt(at("2026-03-09T12:00", NEW_YORK)))
                .contains(new Wait(WaitReason.WINDOW, at("2026-03-14T23:00", NEW_YORK)));
        assertThat(calendar.isOpen(at("2026-03-08T03:30", NEW_YORK))).as("the short night").isTrue();
        assertThat(calendar.isOpen(at("2026-03-08T04:00", NEW_YORK))).isFalse();
    }

    @Test
    void of_several_windows_the_next_to_open_counts() {
        MaintenanceCalendar calendar = windows(SUNDAY_NIGHT, window(DayOfWeek.WEDNESDAY, "22:00", "23:00", TOKYO));
        assertThat(calendar.waitAt(at("2026-12-06T05:00", TOKYO)))
                .contains(new Wait(WaitReason.WINDOW, at("2026-12-09T22:00", TOKYO)));
        assertThat(calendar.waitAt(at("2026-12-09T23:00", TOKYO)))
                .contains(new Wait(WaitReason.WINDOW, at("2026-12-13T02:00", TOKYO)));
    }

    @Test
    void a_freeze_blocks_a_site_without_windows_until_it_ends() {
        Freeze freeze = new Freeze(at("2026-12-24T00:00", TOKYO), at("2027-01-04T00:00", TOKYO));
        MaintenanceCalendar calendar = new MaintenanceCalendar(List.of(), List.of(freeze));
        assertThat(calendar.isOpen(at("2026-12-23T23:59", TOKYO))).isTrue();
        assertThat(calendar.waitAt(at("2026-12-24T00:00", TOKYO)))
                .contains(new Wait(WaitReason.FREEZE, at("2027-01-04T00:00", TOKYO)));
        assertThat(calendar.isOpen(at("2027-01-04T00:00", TOKYO))).as("the end is not frozen").isTrue();
    }

    @Test
    void a_freeze_closes_an_open_window_and_the_site_resumes_in_the_same_window_if_it_ends_first() {
        Freeze freeze = new Freeze(at("2026-12-06T03:00", TOKYO), at("2026-12-06T04:00", TOKYO));
        MaintenanceCalendar calendar = new MaintenanceCalendar(List.of(SUNDAY_NIGHT), List.of(freeze));
        assertThat(calendar.waitAt(at("2026-12-06T03:30", TOKYO)))
                .contains(new Wait(WaitReason.FREEZE, at("2026-12-06T04:00", TOKYO)));
    }

    @Test
    void a_freeze_that_outlasts_the_window_waits_for_the_window_after_it() {
        Freeze freeze = new Freeze(at("2026-12-06T03:00", TOKYO), at("2026-12-13T03:00", TOKYO));
        MaintenanceCalendar calendar = new MaintenanceCalendar(List.of(SUNDAY_NIGHT), List.of(freeze));
        assertThat(calendar.waitAt(at("2026-12-06T03:30", TOKYO)))
                .as("the freeze ends inside the next window").contains(new Wait(WaitReason.FREEZE,
                        at("2026-12-13T03:00", TOKYO)));
        Freeze longer = new Freeze(at("2026-12-06T03:00", TOKYO), at("2026-12-13T06:00", TOKYO));
        assertThat(new MaintenanceCalendar(List.of(SUNDAY_NIGHT), List.of(longer)).waitAt(at("2026-12-06T03:30", TOKYO)))
                .contains(new Wait(WaitReason.FREEZE, at("2026-12-20T02:00", TOKYO)));
    }

    @Test
    void a_closed_window_that_opens_into_a_freeze_waits_for_both_and_says_window() {
        Freeze freeze = new Freeze(at("2026-12-06T00:00", TOKYO), at("2026-12-06T02:30", TOKYO));
        MaintenanceCalendar calendar = new MaintenanceCalendar(List.of(SUNDAY_NIGHT), List.of(freeze));
        assertThat(calendar.waitAt(at("2026-12-05T20:00", TOKYO)))
                .contains(new Wait(WaitReason.WINDOW, at("2026-12-06T02:30", TOKYO)));
    }

    @Test
    void freezes_that_follow_one_another_wait_for_the_last() {
        Freeze first = new Freeze(at("2026-12-24T00:00", TOKYO), at("2026-12-27T00:00", TOKYO));
        Freeze overlapping = new Freeze(at("2026-12-26T00:00", TOKYO), at("2026-12-30T00:00", TOKYO));
        Freeze adjacent = new Freeze(at("2026-12-30T00:00", TOKYO), at("2027-01-02T00:00", TOKYO));
        MaintenanceCalendar calendar = new MaintenanceCalendar(List.of(), List.of(first, overlapping, adjacent));
        assertThat(calendar.waitAt(at("2026-12-25T00:00", TOKYO)))
                .isEqualTo(Optional.of(new Wait(WaitReason.FREEZE, at("2027-01-02T00:00", TOKYO))));
    }

    @Test
    void a_freeze_ends_after_it_starts() {
        Instant now = Instant.parse("2026-12-06T00:00:00Z");
        assertThatThrownBy(() -> new Freeze(now, now)).isInstanceOf(IllegalArgumentException.class);
    }
}
