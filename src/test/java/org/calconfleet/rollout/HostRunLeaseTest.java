package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.calconfleet.host.simulated.SimulatedWindowsHost;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two runners on one host run: the job engine revives an execution whose node still lives (its heartbeats were late
 * under load). The second runner finds the first's lease and stops before it touches the host; a runner whose lease
 * ran out and was taken over fails at its next write, fenced by the run's version.
 */
class HostRunLeaseTest extends RolloutTestBase {

    @Autowired
    HostRunExecutor executor;

    @Autowired
    RolloutStore store;

    @Test
    void a_second_runner_finds_the_lease_held_and_stops_before_it_touches_the_host() throws Exception {
        List<Long> ids = servers("LEASE", 1, 45001);
        SimulatedWindowsHost host = host(ids.getFirst());
        host.setServiceTimings(Duration.ofSeconds(2), Duration.ofMillis(20));
        long change = submit(ChangeDraft.now(ids, 45032, "two runners", null, new ChangeDraft.Waves(0, 5, 1, 0))).id();
        approve(change);
        long run = awaitRunningStep(change, "RESTART");
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
        List<Long> ids = servers("FENCE", 1, 45001);
        long change = submit(ChangeDraft.now(ids, 45033, "fence", null, new ChangeDraft.Waves(0, 5, 1, 0))).id();
        approve(change);
        Fleets.awaitFinished(rollouts, change, Duration.ofSeconds(30));
        long run = jdbc.queryForObject("select id from host_run where change_request_id = ?", Long.class, change);
        // A run no execution is scheduled for any more, so that the test alone plays both runners.
        jdbc.update("update host_run set state = 'RUNNING', lease_until = null where id = ?", run);
        try {
            HostRun first = store.begin(run).orElseThrow().run();
            HostRun second = store.begin(run).orElseThrow().run();

            assertThat(store.claim(first)).isEmpty();
            assertThat(store.claim(second)).as("the first runner's lease holds").isPresent();

            jdbc.update("update host_run set lease_until = ? where id = ?",
                    Timestamp.from(Instant.now().minusSeconds(1)), run);
            HostRun takeover = store.begin(run).orElseThrow().run();
            assertThat(store.claim(takeover)).as("a silent runner's lease ran out").isEmpty();

            assertThatThrownBy(() -> store.step(first, r -> r.setLastMessage("the first runner again"), null))
                    .isInstanceOf(StaleHostRunException.class);
            assertThat(store.step(takeover, r -> r.setLastMessage("the runner that took over"), null)
                    .getLastMessage()).isEqualTo("the runner that took over");
        } finally {
            jdbc.update("update host_run set state = 'DONE' where id = ?", run);
        }
    }

    private long awaitRunningStep(long change, String step) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            List<Long> runs = jdbc.queryForList("select id from host_run where change_request_id = ?"
                    + " and state = 'RUNNING' and step = ?", Long.class, change, step);
            if (!runs.isEmpty()) {
                return runs.getFirst();
            }
            assertThat(Instant.now()).as("a host run at " + step).isBefore(deadline);
            Thread.sleep(10);
        }
    }
}
