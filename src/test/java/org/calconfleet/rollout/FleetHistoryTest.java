package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.calconfleet.access.Role;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.drift.DriftScan;
import org.calconfleet.drift.FleetHistory;
import org.calconfleet.host.WindowsErrors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class FleetHistoryTest extends RolloutTestBase {

    @Autowired
    FleetHistory history;
    @Autowired
    DriftScan scan;

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static Timestamp at(LocalDate day, int hour) {
        return at(day, hour, 0);
    }

    private static Timestamp at(LocalDate day, int hour, int minute) {
        return Timestamp.from(day.atTime(hour, minute).toInstant(ZoneOffset.UTC));
    }

    private void snapshot(LocalDate day, int hour, long drifted, long needsAttention) {
        snapshot(at(day, hour), drifted, needsAttention);
    }

    private void snapshot(Timestamp at, long drifted, long needsAttention) {
        jdbc.update("insert into fleet_snapshot (taken_at, servers, drifted, unreachable, needs_attention)"
                + " values (?, 100, ?, 0, ?)", at, drifted, needsAttention);
    }

    private long changeRequest() {
        jdbc.update("insert into change_request (reason, state, requested_by, requested_at, schedule_kind, canary_size,"
                + " wave_size, concurrency, failure_threshold, host_count, cancel_requested, halted, current_wave,"
                + " version) values ('history', 'DONE', 'oscar', current_timestamp, 'NOW', 0, 10, 5, 0, 1, false,"
                + " false, 0, 0)");
        return jdbc.queryForObject("select max(id) from change_request", Long.class);
    }

    private void finishedRun(long change, long serverId, HostRunState state, LocalDate day) {
        finishedRun(change, serverId, state, at(day, 12));
    }

    private void finishedRun(long change, long serverId, HostRunState state, Timestamp at) {
        jdbc.update("insert into host_run (change_request_id, server_id, host_name, wave, seq, target_port, state, step,"
                + " phase, attempt, needs_write, restarted, verification, updated_at, finished_at, version)"
                + " values (?, ?, 'HIST', 0, ?, 45010, ?, 'FINISHED', 'NONE', 0, true, true, 'VERIFIED', ?, ?, 0)",
                change, serverId, serverId, state.name(), at, at);
    }

    @Test
    void drift_per_day_is_the_worst_any_scan_saw_that_day_and_a_scan_leaves_todays_counts() {
        LocalDate threeDaysAgo = TODAY.minusDays(3);
        snapshot(threeDaysAgo, 1, 4, 1);
        snapshot(threeDaysAgo, 13, 9, 0);
        snapshot(threeDaysAgo, 22, 2, 2);
        snapshot(TODAY.minusDays(40), 12, 99, 99);
        servers("HIS", 1, 45001);

        scan.scan();

        List<FleetHistory.DriftDay> days = Users.as("helpdesk", Role.HELPDESK, () -> history.driftPerDay(30, ZoneOffset.UTC));
        assertThat(days).extracting(FleetHistory.DriftDay::day).doesNotContain(TODAY.minusDays(40));
        assertThat(days).filteredOn(d -> d.day().equals(threeDaysAgo))
                .containsExactly(new FleetHistory.DriftDay(threeDaysAgo, 9, 2));
        long driftedNow = observations.summary().drifted();
        assertThat(days.getLast().day()).isEqualTo(TODAY);
        assertThat(days.getLast().drifted()).isGreaterThanOrEqualTo(driftedNow);
    }

    @Test
    void days_are_the_readers_calendar_days_even_where_the_offset_is_not_whole_hours() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        LocalDate day = LocalDate.now(kolkata).minusDays(5);
        // 18:15 UTC is 23:45 in Kolkata; 18:45 UTC is already 00:15 of the next day there.
        snapshot(at(day, 18, 15), 7, 0);
        snapshot(at(day, 18, 45), 3, 5);

        List<FleetHistory.DriftDay> inKolkata = Users.as("helpdesk", Role.HELPDESK,
                () -> history.driftPerDay(30, kolkata));
        List<FleetHistory.DriftDay> inUtc = Users.as("helpdesk", Role.HELPDESK,
                () -> history.driftPerDay(30, ZoneOffset.UTC));

        assertThat(inKolkata).contains(new FleetHistory.DriftDay(day, 7, 0),
                new FleetHistory.DriftDay(day.plusDays(1), 3, 5));
        assertThat(inUtc).contains(new FleetHistory.DriftDay(day, 7, 5));
    }

    @Test
    void a_run_that_ends_on_a_sunday_evening_in_utc_counts_in_the_next_week_in_tokyo() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        long change = changeRequest();
        LocalDate lastSunday = LocalDate.now(tokyo).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusDays(8);
        finishedRun(change, 900_101, HostRunState.FAILED, at(lastSunday, 20));

        List<FleetHistory.OutcomeWeek> inTokyo = Users.as("auditor", Role.AUDITOR,
                () -> history.changesPerWeek(4, DayOfWeek.MONDAY, tokyo));
        List<FleetHistory.OutcomeWeek> inUtc = Users.as("auditor", Role.AUDITOR,
                () -> history.changesPerWeek(4, DayOfWeek.MONDAY, ZoneOffset.UTC));

        assertThat(inTokyo).filteredOn(w -> w.firstDay().equals(lastSunday.plusDays(1)))
                .singleElement().satisfies(w -> assertThat(w.count(HostRunState.FAILED)).isEqualTo(1));
        assertThat(inUtc).filteredOn(w -> w.firstDay().equals(lastSunday.minusDays(6)))
                .singleElement().satisfies(w -> assertThat(w.count(HostRunState.FAILED)).isEqualTo(1));
    }

    @Test
    void changes_per_week_count_finished_runs_by_outcome_in_every_week_of_the_span_even_empty_ones() {
        long change = changeRequest();
        LocalDate thisWeek = TODAY.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate twoWeeksAgo = thisWeek.minusWeeks(2);
        finishedRun(change, 900_001, HostRunState.DONE, twoWeeksAgo);
        finishedRun(change, 900_002, HostRunState.DONE, twoWeeksAgo.plusDays(6));
        finishedRun(change, 900_003, HostRunState.ROLLED_BACK, twoWeeksAgo.plusDays(3));
        finishedRun(change, 900_004, HostRunState.NEEDS_ATTENTION, twoWeeksAgo.plusDays(7));
        finishedRun(change, 900_005, HostRunState.DONE, thisWeek.minusWeeks(20));

        List<FleetHistory.OutcomeWeek> weeks = Users.as("auditor", Role.AUDITOR,
                () -> history.changesPerWeek(4, DayOfWeek.MONDAY, ZoneOffset.UTC));

        assertThat(weeks).extracting(FleetHistory.OutcomeWeek::firstDay)
                .containsExactly(thisWeek.minusWeeks(3), twoWeeksAgo, thisWeek.minusWeeks(1), thisWeek);
        FleetHistory.OutcomeWeek inQuestion = weeks.get(1);
        assertThat(inQuestion.count(HostRunState.DONE)).isGreaterThanOrEqualTo(2);
        assertThat(inQuestion.count(HostRunState.ROLLED_BACK)).isGreaterThanOrEqualTo(1);
        assertThat(weeks.get(2).count(HostRunState.NEEDS_ATTENTION)).isGreaterThanOrEqualTo(1);
        assertThat(Users.as("auditor", Role.AUDITOR,
                () -> history.changesPerWeek(4, DayOfWeek.SUNDAY, ZoneOffset.UTC)).getFirst().firstDay()
                .getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    }

    @Test
    void a_servers_timeline_shows_each_change_with_the_port_it_left_and_its_outcome_oldest_first() {
        List<Long> ids = servers("TML", 1, 45001);
        long server = ids.getFirst();
        ChangeSummary first = submit(ChangeDraft.now(ids, 45030, "timeline 1", null, new ChangeDraft.Waves(0, 5, 2, 0)));
        approve(first.id());
        awaitFinished(first.id());
        host(server).failStartsAlways(WindowsErrors.ERROR_PROCESS_ABORTED);
        ChangeSummary second = submit(ChangeDraft.now(ids, 45031, "timeline 2", null, new ChangeDraft.Waves(0, 5, 2, 0)));
        approve(second.id());
        awaitFinished(second.id());

        List<FleetHistory.PortChange> timeline = Users.as("helpdesk", Role.HELPDESK, () -> history.portTimeline(server));

        assertThat(timeline).extracting(FleetHistory.PortChange::rolloutId).containsExactly(first.id(), second.id());
        assertThat(timeline.getFirst().outcome()).isEqualTo(HostRunState.DONE);
        assertThat(timeline.getFirst().portBefore()).isEqualTo(45001);
        assertThat(timeline.getFirst().portAfter()).isEqualTo(45030);
        assertThat(timeline.get(1).targetPort()).isEqualTo(45031);
        assertThat(timeline.get(1).outcome()).isIn(HostRunState.ROLLED_BACK, HostRunState.NEEDS_ATTENTION);
        if (timeline.get(1).outcome() == HostRunState.ROLLED_BACK) {
            assertThat(timeline.get(1).portAfter()).isEqualTo(45030);
        }
    }

    @Test
    void the_history_is_for_signed_in_roles_only() {
        assertThatThrownBy(() -> history.driftPerDay(30, ZoneOffset.UTC)).isInstanceOf(
                org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
    }
}
