package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangeState;
import org.calconfleet.host.HostOperation;
import org.calconfleet.host.simulated.HostFault;
import org.calconfleet.host.simulated.SimulatedWindowsHost;
import org.calconfleet.i18n.StoredMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two runners on one host run: the job engine revives an execution whose node still lives (its heartbeats were late
 * under load). The second runner finds the first's lease and stops before it touches the host, even when the first
 * has waited longer than a lease; a runner whose lease ran out and was taken over fails at its next write, fenced by
 * the run's version, or stops at the end of its wait; a runner that is interrupted gives its lease up.
 * The tests renew leases themselves ({@link HostRunLeases#renewAll()}, as the node does every third of a lease) and
 * let leases run out by writing their end into the past.
 */
class HostRunLeaseTest extends RolloutTestBase {

    @Autowired
    HostRunExecutor executor;

    @Autowired
    RolloutStore store;

    @Autowired
    HostRunLeases leases;

    @Autowired
    RolloutSettings settings;

    @Autowired
    Scheduler scheduler;

    @Autowired
    MeterRegistry meters;

    @Test
    void a_second_runner_finds_the_lease_held_and_stops_before_it_touches_the_host() throws Exception {
        List<Long> ids = servers("LEASE", 1, 45001);
        SimulatedWindowsHost host = host(ids.getFirst());
        host.setServiceTimings(Duration.ofSeconds(2), Duration.ofMillis(20));
        long change = submit(ChangeDraft.now(ids, 45032, "two runners", null, new ChangeDraft.Waves(0, 5, 1, 0))).id();
        approve(change);
        long run = awaitRunningStep(change, "RESTART");
        // the step is committed before the stop is sent: the first runner is inside the 2 s stop from here on
        await("the stop sent").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                .until(() -> host.stopRequests() > 0);
        int writes = host.calConWrites();
        int stops = host.stopRequests();

        assertThatThrownBy(() -> executor.run(run)).isInstanceOf(HostRunExecutor.LeaseHeld.class);

        assertThat(host.calConWrites()).isEqualTo(writes);
        assertThat(host.stopRequests()).isEqualTo(stops);
        assertThat(Fleets.awaitFinished(rollouts, change, Duration.ofSeconds(30)).state()).isEqualTo(ChangeState.DONE);
        assertThat(host.calConWrites()).as("written once").isEqualTo(1);
        assertThat(host.stopRequests()).as("stopped once").isEqualTo(1);
        assertThat(host.startAttempts()).as("started once").isEqualTo(1);
    }

    @Test
    void a_runner_whose_lease_was_taken_over_fails_at_its_next_write() {
        long run = finishedRun("FENCE", 45033);
        // A run no execution is scheduled for any more, so that the test alone plays both runners.
        jdbc.update("update host_run set state = 'RUNNING', lease_until = null where id = ?", run);
        try {
            HostRun first = claimed(store.claim(run, "first"));
            assertThat(store.claim(run, "second")).as("the first runner's lease holds")
                    .isInstanceOf(RolloutStore.Held.class);

            expireLease(run);
            HostRun takeover = claimed(store.claim(run, "takeover"));
            assertThat(takeover.getVersion()).as("a silent runner's lease ran out").isGreaterThan(first.getVersion());

            StoredMessage firstAgain = StoredMessage.of("rollout.run.stopped");
            StoredMessage takenOver = StoredMessage.of("rollout.run.restarted");
            assertThatThrownBy(() -> store.step(first, r -> r.setLastMessage(firstAgain), null))
                    .isInstanceOf(StaleHostRunException.class);
            assertThat(store.step(takeover, r -> r.setLastMessage(takenOver), null)
                    .getLastMessage()).isEqualTo(takenOver.toJson());
        } finally {
            jdbc.update("update host_run set state = 'DONE' where id = ?", run);
        }
    }

    @Test
    void a_run_whose_lease_a_live_runner_holds_is_not_claimed_and_stays_that_runners() {
        long run = finishedRun("HELD", 45037);
        // A run no execution is scheduled for any more, so that the test alone plays both runners.
        jdbc.update("update host_run set state = 'RUNNING', lease_until = null where id = ?", run);
        try {
            HostRun first = claimed(store.claim(run, "first"));
            Instant leaseEnd = leaseEnd(run);

            RolloutStore.Claim second = store.claim(run, "second");

            assertThat(second).isEqualTo(new RolloutStore.Held(leaseEnd));
            assertThat(jdbc.queryForMap("select lease_holder, version from host_run where id = ?", run))
                    .as("the first runner's, untouched")
                    .containsEntry("LEASE_HOLDER", "first")
                    .containsEntry("VERSION", first.getVersion());
            assertThat(leaseEnd(run)).isEqualTo(leaseEnd);
        } finally {
            jdbc.update("update host_run set state = 'DONE' where id = ?", run);
        }
    }

    @Test
    void an_ended_run_is_not_claimed_and_a_late_execution_leaves_its_host_alone() {
        List<Long> ids = servers("ENDED", 1, 45001);
        SimulatedWindowsHost host = host(ids.getFirst());
        long change = submit(ChangeDraft.now(ids, 45038, "ended", null, new ChangeDraft.Waves(0, 5, 1, 0))).id();
        approve(change);
        assertThat(Fleets.awaitFinished(rollouts, change, Duration.ofSeconds(30)).state()).isEqualTo(ChangeState.DONE);
        long run = jdbc.queryForObject("select id from host_run where change_request_id = ?", Long.class, change);
        Map<String, Object> ended = jdbc.queryForMap("select * from host_run where id = ?", run);

        assertThat(store.claim(run, "late")).isEqualTo(new RolloutStore.Idle());
        executor.run(run);

        assertThat(jdbc.queryForMap("select * from host_run where id = ?", run)).as("not written")
                .isEqualTo(ended);
        assertThat(host.calConWrites()).as("written once").isEqualTo(1);
        assertThat(host.stopRequests()).as("stopped once").isEqualTo(1);
        assertThat(host.startAttempts()).as("started once").isEqualTo(1);
        assertThat(store.claim(Long.MAX_VALUE, "late")).as("a run that is gone").isEqualTo(new RolloutStore.Idle());
    }

    @Test
    void a_runner_that_waits_longer_than_its_lease_keeps_it_and_a_second_runner_stops() throws Exception {
        Waiting waiting = waitingBeforeTheWrite("RENEW", 45034, Duration.ofSeconds(10));
        SimulatedWindowsHost host = waiting.host();
        long run = waiting.run();

        leases.renewAll();

        assertThatThrownBy(() -> executor.run(run)).isInstanceOf(HostRunExecutor.LeaseHeld.class);
        assertThat(host.calConWrites()).isZero();
        assertThat(Fleets.awaitFinished(rollouts, waiting.change(), Duration.ofSeconds(60)).state())
                .isEqualTo(ChangeState.DONE);
        assertThat(host.calConWrites()).as("written once, by the first runner after its wait").isEqualTo(1);
    }

    @Test
    void a_runner_taken_over_during_its_wait_stops_before_it_acts_again() throws Exception {
        Waiting waiting = waitingBeforeTheWrite("TAKEN", 45035, Duration.ofSeconds(20));
        SimulatedWindowsHost host = waiting.host();
        long run = waiting.run();
        double takenOverBefore = takenOver();
        assertThat(store.claim(run, "takeover")).isInstanceOf(RolloutStore.Claimed.class);

        leases.renewAll();

        await("the first runner stopped").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                .until(() -> scheduler.getCurrentlyExecuting().stream()
                        .noneMatch(e -> e.getTaskInstance().getId().equals(String.valueOf(run))));
        assertThat(host.calConWrites()).as("the first runner did not write after its wait").isZero();
        assertThat(takenOver()).as("counted").isEqualTo(takenOverBefore + 1);
        // the runner that took it over is silent: once its lease runs out, the job engine's next execution finishes
        expireLease(run);
        assertThat(Fleets.awaitFinished(rollouts, waiting.change(), Duration.ofSeconds(60)).state())
                .isEqualTo(ChangeState.DONE);
        assertThat(host.calConWrites()).isEqualTo(1);
    }

    @Test
    void an_interrupted_runner_gives_its_lease_up() throws Exception {
        List<Long> ids = servers("YIELD", 1, 45001);
        SimulatedWindowsHost host = host(ids.getFirst());
        host.suppressRpcPortEvent(true);
        long change = submit(ChangeDraft.now(ids, 45036, "interrupted", null, new ChangeDraft.Waves(0, 5, 1, 0))).id();
        approve(change);
        Fleets.awaitFinished(rollouts, change, Duration.ofSeconds(30));
        long run = jdbc.queryForObject("select id from host_run where change_request_id = ?", Long.class, change);
        // A run no execution is scheduled for any more, back at the wait for event 6001, played by the test alone.
        jdbc.update("update host_run set state = 'RUNNING', step = 'VERIFY', phase = 'STARTED', attempt = 0,"
                + " lease_until = null where id = ?", run);
        Duration verifyDelay = settings.getVerifyDelay();
        settings.setVerifyDelay(Duration.ofMinutes(1));
        try {
            AtomicReference<Throwable> stopped = new AtomicReference<>();
            Thread runner = Thread.ofVirtual().start(() -> {
                try {
                    executor.run(run);
                } catch (RuntimeException e) {
                    stopped.set(e);
                }
            });
            awaitAttempt(run, 1);

            runner.interrupt();
            runner.join();

            assertThat(stopped.get()).isInstanceOf(HostRunExecutor.Abandoned.class);
            assertThat(store.claim(run, "next")).as("the next runner need not wait the lease out")
                    .isInstanceOf(RolloutStore.Claimed.class);
        } finally {
            settings.setVerifyDelay(verifyDelay);
            jdbc.update("update host_run set state = 'DONE' where id = ?", run);
        }
    }

    /** A rollout's one host run, run by the job engine, waiting before it tries its write again. */
    private record Waiting(SimulatedWindowsHost host, long change, long run) {
    }

    /**
     * Rolls a change out to one new host and waits until its host run failed its first write (a transient failure)
     * and waits {@code backOff} before it tries again; by then its lease has run out, as if it had waited long.
     */
    private Waiting waitingBeforeTheWrite(String prefix, int port, Duration backOff) {
        List<Long> ids = servers(prefix, 1, 45001);
        SimulatedWindowsHost host = host(ids.getFirst());
        long change = submit(ChangeDraft.now(ids, port, prefix, null, new ChangeDraft.Waves(0, 5, 1, 0))).id();
        host.injectFault(HostFault.unreachable().on(HostOperation.WRITE_CALCON_PORTS).times(1));
        Duration initial = settings.getInitialBackoff();
        Duration max = settings.getMaxBackoff();
        settings.setInitialBackoff(backOff);
        settings.setMaxBackoff(backOff);
        try {
            approve(change);
            long run = awaitRunningStep(change, "WRITE");
            awaitAttempt(run, 1);
            expireLease(run);
            return new Waiting(host, change, run);
        } finally {
            settings.setInitialBackoff(initial);
            settings.setMaxBackoff(max);
        }
    }

    /** The one host run of a change to one new host, rolled out to its end. */
    private long finishedRun(String prefix, int port) {
        List<Long> ids = servers(prefix, 1, 45001);
        long change = submit(ChangeDraft.now(ids, port, prefix, null, new ChangeDraft.Waves(0, 5, 1, 0))).id();
        approve(change);
        Fleets.awaitFinished(rollouts, change, Duration.ofSeconds(30));
        return jdbc.queryForObject("select id from host_run where change_request_id = ?", Long.class, change);
    }

    private static HostRun claimed(RolloutStore.Claim claim) {
        assertThat(claim).isInstanceOf(RolloutStore.Claimed.class);
        return ((RolloutStore.Claimed) claim).run();
    }

    private double takenOver() {
        return meters.get(RolloutMetrics.HOST_RUNS_FENCED).tag("reason", "taken-over").counter().count();
    }

    private Instant leaseEnd(long run) {
        return jdbc.queryForObject("select lease_until from host_run where id = ?", Timestamp.class, run).toInstant();
    }

    private void expireLease(long run) {
        jdbc.update("update host_run set lease_until = ? where id = ?", Timestamp.from(Instant.now().minusSeconds(1)),
                run);
    }

    private void awaitAttempt(long run, int attempt) {
        await("attempt " + attempt).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                .until(() -> jdbc.queryForObject("select attempt from host_run where id = ?", Integer.class, run),
                        current -> current >= attempt);
    }

    private long awaitRunningStep(long change, String step) {
        return await("a host run at " + step).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                .until(() -> jdbc.queryForList("select id from host_run where change_request_id = ?"
                        + " and state = 'RUNNING' and step = ?", Long.class, change, step), runs -> !runs.isEmpty())
                .getFirst();
    }
}
