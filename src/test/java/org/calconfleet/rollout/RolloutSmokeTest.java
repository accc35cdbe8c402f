package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.calconfleet.access.Role;
import org.calconfleet.backend.SimulatedFleet;
import org.calconfleet.fleet.FleetService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Pageable;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(properties = {"calcon.simulated.stop-duration=50ms", "calcon.simulated.start-duration=50ms",
        "calcon.rollout.initial-backoff=50ms", "calcon.rollout.verify-delay=50ms", "calcon.drift-scan.enabled=false"})
@ActiveProfiles("test")
class RolloutSmokeTest {

    @Autowired
    FleetService fleet;
    @Autowired
    ChangeService changes;
    @Autowired
    RolloutService rollouts;
    @Autowired
    SimulatedFleet simulated;

    @Test
    void a_small_rollout_runs_to_the_end() {
        List<Long> ids = Fleets.create(fleet, "SMK", 5);
        ChangeDraft draft = ChangeDraft.now(ids, 45002, "smoke", "CHG-1", new ChangeDraft.Waves(1, 2, 2, 0));
        ChangePlan plan = Users.as("oscar", Role.OPERATOR, () -> changes.plan(draft));
        System.out.println(plan);
        ChangeSummary submitted = Users.as("oscar", Role.OPERATOR, () -> changes.submit(draft));
        Users.as("olivia", Role.OPERATOR, () -> changes.approve(submitted.id(), "ok"));
        ChangeSummary done = Fleets.awaitFinished(rollouts, submitted.id(), Duration.ofSeconds(30));
        System.out.println(done);
        Users.as("auditor", Role.AUDITOR, () -> rollouts.hostRuns(submitted.id(), Pageable.unpaged()).forEach(r -> {
            System.out.println(r);
            rollouts.hostLog(r.id()).forEach(l -> System.out.println("   " + l));
        }));
        assertThat(done.state()).isEqualTo(ChangeState.DONE);
    }
}
