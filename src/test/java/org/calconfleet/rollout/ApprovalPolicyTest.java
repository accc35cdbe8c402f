package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.calconfleet.access.Role;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangePlan;
import org.calconfleet.change.ChangeRefusedException;
import org.calconfleet.change.ChangeService;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.policy.FleetPolicy;
import org.calconfleet.policy.PolicyService;
import org.calconfleet.testdb.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** Changes are held to the administrator's policy: approval as it says, ports inside its ranges. */
@DatabaseTest
@SpringBootTest(properties = {"calcon.simulated.stop-duration=50ms", "calcon.simulated.start-duration=50ms",
        "calcon.rollout.initial-backoff=50ms", "calcon.rollout.verify-delay=50ms", "calcon.drift-scan.enabled=false"})
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ApprovalPolicyTest {

    @Autowired
    FleetService fleet;
    @Autowired
    ChangeService changes;
    @Autowired
    RolloutService rollouts;
    @Autowired
    PolicyService policies;

    @Test
    void with_approval_required_a_change_waits_and_its_requester_cannot_approve_it() {
        List<Long> ids = Fleets.create(fleet, "APR", 2);
        ChangeDraft draft = ChangeDraft.now(ids, 45010, "policy test", null, ChangeDraft.Waves.DEFAULT);

        ChangeSummary submitted = Users.as("oscar", Role.OPERATOR, () -> changes.submit(draft));

        assertThat(submitted.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
        assertThatThrownBy(() -> Users.as("oscar", Role.OPERATOR, () -> changes.approve(submitted.id(), "mine")))
                .isInstanceOf(ChangeRefusedException.class);
    }

    @Test
    void when_two_administrators_make_approval_optional_a_change_runs_without_one() {
        long proposal = Users.as("aiko", Role.ADMIN, () -> {
            var revision = policies.revision();
            FleetPolicy current = revision.policy();
            return policies.update(new FleetPolicy(current.ports(), false, current.driftScanInterval(),
                    current.notifyAddresses()), revision.version(), "small team, no second operator on nights");
        }).proposal().id();
        Users.as("ben", Role.ADMIN, () -> policies.confirm(proposal));
        List<Long> ids = Fleets.create(fleet, "NOA", 2);
        ChangeDraft draft = ChangeDraft.now(ids, 45011, "policy test", null, ChangeDraft.Waves.DEFAULT);

        ChangeSummary submitted = Users.as("oscar", Role.OPERATOR, () -> changes.submit(draft));

        assertThat(submitted.state()).isNotEqualTo(ChangeState.PENDING_APPROVAL);
        assertThat(Fleets.awaitFinished(rollouts, submitted.id(), Duration.ofSeconds(30)).state())
                .isEqualTo(ChangeState.DONE);
    }

    @Test
    void a_port_outside_the_policy_ranges_is_refused_at_plan_time() {
        List<Long> ids = Fleets.create(fleet, "OUT", 1);
        ChangeDraft draft = ChangeDraft.now(ids, 50000, "outside", null, ChangeDraft.Waves.DEFAULT);

        ChangePlan plan = Users.as("oscar", Role.OPERATOR, () -> changes.plan(draft));

        assertThat(plan.blocked()).isEqualTo(1);
    }
}
