package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.calconfleet.access.Role;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RolloutMetricsTest extends RolloutTestBase {

    @Autowired
    MeterRegistry meters;

    private double counted(String name, String outcome) {
        return meters.get(name).tag("outcome", outcome).counter().count();
    }

    /** Counters move after commit, on the engine's threads: wait a little for them. */
    private static void awaitValue(DoubleSupplier value, double expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(value.getAsDouble()).isEqualTo(expected));
    }

    @Test
    void rollouts_and_host_runs_are_counted_by_outcome_where_their_outcome_is_decided() {
        double rolloutsDone = counted(RolloutMetrics.ROLLOUTS_FINISHED, "done");
        double rolloutsCancelled = counted(RolloutMetrics.ROLLOUTS_FINISHED, "cancelled");
        double hostsDone = counted(RolloutMetrics.HOST_RUNS_FINISHED, "done");
        double hostsCancelled = counted(RolloutMetrics.HOST_RUNS_FINISHED, "cancelled");

        List<Long> ids = servers("MET", 2, 45001);
        ChangeSummary ran = submit(ChangeDraft.now(ids, 45041, "metrics", null, new ChangeDraft.Waves(0, 5, 2, 0)));
        approve(ran.id());
        assertThat(awaitFinished(ran.id()).state()).isEqualTo(ChangeState.DONE);
        awaitValue(() -> counted(RolloutMetrics.ROLLOUTS_FINISHED, "done"), rolloutsDone + 1);
        awaitValue(() -> counted(RolloutMetrics.HOST_RUNS_FINISHED, "done"), hostsDone + 2);

        ChangeSummary waiting = submit(ChangeDraft.now(servers("MEC", 3, 45001), 45042, "metrics", null,
                new ChangeDraft.Waves(0, 5, 2, 0)));
        Users.as("oscar", Role.OPERATOR, () -> rollouts.cancel(waiting.id(), "not now"));
        awaitValue(() -> counted(RolloutMetrics.ROLLOUTS_FINISHED, "cancelled"), rolloutsCancelled + 1);
        awaitValue(() -> counted(RolloutMetrics.HOST_RUNS_FINISHED, "cancelled"), hostsCancelled + 3);
    }

    @Test
    void the_host_runs_of_a_rejected_change_are_counted_as_cancelled_like_those_of_a_change_cancelled_unapproved() {
        double hostsCancelled = counted(RolloutMetrics.HOST_RUNS_FINISHED, "cancelled");
        ChangeSummary rejected = submit(ChangeDraft.now(servers("MER", 2, 45001), 45043, "metrics", null,
                new ChangeDraft.Waves(0, 5, 2, 0)));

        Users.as("olivia", Role.OPERATOR, () -> changes.reject(rejected.id(), "not this port"));

        awaitValue(() -> counted(RolloutMetrics.HOST_RUNS_FINISHED, "cancelled"), hostsCancelled + 2);
    }

    @Test
    void a_server_needs_attention_until_a_later_run_brings_it_to_its_desired_port() {
        List<Long> ids = servers("ATT", 1, 45001);
        ChangeSummary first = submit(ChangeDraft.now(ids, 45043, "metrics", null, new ChangeDraft.Waves(0, 5, 2, 0)));
        approve(first.id());
        awaitFinished(first.id());
        double before = needingAttention();

        jdbc.update("update host_run set state = 'NEEDS_ATTENTION' where change_request_id = ?", first.id());
        assertThat(needingAttention()).isEqualTo(before + 1);

        ChangeSummary again = submit(ChangeDraft.now(ids, 45044, "metrics", null, new ChangeDraft.Waves(0, 5, 2, 0)));
        approve(again.id());
        assertThat(awaitFinished(again.id()).state()).isEqualTo(ChangeState.DONE);
        assertThat(needingAttention()).isEqualTo(before);
    }

    private double needingAttention() {
        return meters.get(RolloutMetrics.SERVERS_NEEDING_ATTENTION).gauge().value();
    }
}
