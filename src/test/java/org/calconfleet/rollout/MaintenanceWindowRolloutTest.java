package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.calconfleet.access.Role;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.change.RolloutWait;
import org.calconfleet.common.ControlledClock;
import org.calconfleet.window.MaintenanceWindows;
import org.calconfleet.window.SiteFreezeInfo;
import org.calconfleet.window.SiteWindowInfo;
import org.calconfleet.window.WaitReason;
import org.calconfleet.window.WeeklyWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Rollouts over sites with weekly windows and freezes, on a clock the test sets: when a window closes mid-rollout the
 * host in flight finishes, no new one starts, and the rollout goes on by itself when the next window opens.
 */
@Import(ControlledClock.Config.class)
class MaintenanceWindowRolloutTest extends RolloutTestBase {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired
    ControlledClock clock;
    @Autowired
    MaintenanceWindows maintenance;

    @AfterEach
    void removeWindowsAndFreezes() {
        Users.as("admin", Role.ADMIN, () -> {
            maintenance.windows().stream().map(SiteWindowInfo::id).forEach(maintenance::removeWindow);
            maintenance.freezes().stream().map(SiteFreezeInfo::id).forEach(maintenance::removeFreeze);
        });
    }

    private static Instant tokyo(String local) {
        return LocalDateTime.parse(local).atZone(TOKYO).toInstant();
    }

    /** {@code count} servers of their own site. */
    private List<Long> serversAt(String site, int count, int port) {
        List<Long> ids = servers(site, count, port);
        ids.forEach(id -> jdbc.update("update exchange_server set site = ? where id = ?", site, id));
        return ids;
    }

    private ChangeSummary summary(long id) {
        return Users.as("auditor", Role.AUDITOR, () -> rollouts.rollout(id).orElseThrow());
    }

    private void await(String what, long rollout, Predicate<ChangeSummary> condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(60)).until(() -> summary(rollout), condition);
    }

    /**
     * Long enough for several sweeps over the running rollouts: a host that could start would have. It lets time
     * pass on purpose: what it shows is that nothing happens meanwhile.
     */
    private static void severalSweeps() {
        sleep(2500);
    }

    @Test
    void a_window_that_closes_mid_rollout_lets_the_host_in_flight_finish_starts_no_other_and_resumes_at_the_next() {
        // 2025-11-30 is a Sunday; the window is Sundays 02:00-05:00 in Tokyo
        clock.setTo(tokyo("2025-11-30T04:59:00"));
        Users.as("admin", Role.ADMIN, () -> maintenance.addWindow("WNDW",
                new WeeklyWindow(DayOfWeek.SUNDAY, LocalTime.of(2, 0), LocalTime.of(5, 0), TOKYO)));
        List<Long> ids = serversAt("WNDW", 3, 45001);
        host(ids.getFirst()).setServiceTimings(Duration.ofMillis(1500), Duration.ofMillis(20));
        long id = submit(ChangeDraft.now(ids, 45041, "in the Sunday window", null,
                new ChangeDraft.Waves(0, 10, 1, 0))).id();
        approve(id);
        await("the first host runs", id, s -> s.counts().running() == 1);

        clock.setTo(tokyo("2025-11-30T05:00:00"));
        await("the first host finishes", id, s -> s.counts().running() == 0 && s.counts().done() == 1);
        severalSweeps();

        ChangeSummary waiting = summary(id);
        assertThat(waiting.state()).isEqualTo(ChangeState.RUNNING);
        assertThat(run(id, name("WNDW", 1)).state()).as("the host in flight finished").isEqualTo(HostRunState.DONE);
        assertThat(waiting.counts().pending()).as("no new host started after the window closed").isEqualTo(2);
        assertThat(waiting.waiting()).isEqualTo(new RolloutWait(WaitReason.WINDOW, "WNDW",
                tokyo("2025-12-07T02:00:00")));

        clock.setTo(tokyo("2025-12-07T02:00:00"));
        ChangeSummary done = awaitFinished(id);
        assertThat(done.state()).isEqualTo(ChangeState.DONE);
        assertThat(done.counts().done()).isEqualTo(3);
        assertThat(done.waiting()).isNull();
    }

    @Test
    void a_freeze_blocks_every_start_until_it_ends() {
        clock.setTo(tokyo("2025-12-24T10:00:00"));
        Users.as("admin", Role.ADMIN, () -> maintenance.addFreeze(null, tokyo("2025-12-24T00:00:00"),
                tokyo("2025-12-26T00:00:00"), "year-end freeze"));
        List<Long> ids = serversAt("WNDF", 2, 45001);
        long id = submit(ChangeDraft.now(ids, 45042, "during the freeze", null,
                new ChangeDraft.Waves(0, 10, 2, 0))).id();
        approve(id);
        await("the rollout runs", id, s -> s.state() == ChangeState.RUNNING);
        severalSweeps();

        ChangeSummary frozen = summary(id);
        assertThat(frozen.counts().pending()).as("no host started").isEqualTo(2);
        assertThat(frozen.waiting()).isEqualTo(new RolloutWait(WaitReason.FREEZE, "WNDF", tokyo("2025-12-26T00:00:00")));

        clock.setTo(tokyo("2025-12-26T00:00:00"));
        assertThat(awaitFinished(id).state()).isEqualTo(ChangeState.DONE);
    }

    @Test
    void a_freeze_of_another_site_holds_nothing_back() {
        clock.setTo(tokyo("2025-12-24T10:00:00"));
        Users.as("admin", Role.ADMIN, () -> maintenance.addFreeze("Elsewhere", tokyo("2025-12-24T00:00:00"),
                tokyo("2025-12-26T00:00:00"), "their freeze"));
        List<Long> ids = serversAt("WNDO", 2, 45001);
        long id = submit(ChangeDraft.now(ids, 45043, "not frozen", null, new ChangeDraft.Waves(0, 10, 2, 0))).id();
        approve(id);
        ChangeSummary done = awaitFinished(id);
        assertThat(done.state()).isEqualTo(ChangeState.DONE);
        assertThat(done.waiting()).isNull();
    }
}
