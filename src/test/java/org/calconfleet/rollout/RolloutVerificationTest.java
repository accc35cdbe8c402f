package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.calconfleet.rollout.Rendered.english;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.calconfleet.access.Role;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangePlan;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.change.HostPlan;
import org.calconfleet.change.Precheck;
import org.calconfleet.host.CalConEvents;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.EventType;
import org.calconfleet.host.simulated.SimulatedWindowsHost;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The verify step takes event 6001 as proof only when it was written by this restart and names the new port; each
 * case is arranged on a simulated host the way a real connector would produce it.
 */
class RolloutVerificationTest extends RolloutTestBase {

    static final int FROM = 45001;
    static final int TO = 45002;

    @Autowired
    HostRunRepository runs;

    @Test
    void a_6001_of_this_restart_with_the_new_port_verifies_and_the_evidence_names_what_was_read() {
        long id = servers("VE", 1, FROM).getFirst();
        SimulatedWindowsHost host = host(id);
        Instant beforeRollout = host.now().truncatedTo(ChronoUnit.SECONDS);

        HostRunView run = rollOut(id);

        assertThat(run.state()).isEqualTo(HostRunState.DONE);
        assertThat(run.verification()).isEqualTo(Verification.VERIFIED);
        Evidence evidence = run.evidence();
        assertThat(evidence).isNotNull();
        assertThat(evidence.source()).isEqualTo(CalConEvents.SOURCE_NOTES_CAL);
        assertThat(evidence.eventId()).isEqualTo(CalConEvents.RPC_PORT_CONFIGURED);
        assertThat(evidence.text()).isEqualTo(CalConEvents.rpcPortText(TO));
        assertThat(evidence.writtenAt()).isAfterOrEqualTo(beforeRollout)
                .isEqualTo(host.events(CalConEvents.LOG).getLast().time());
    }

    @Test
    void a_6001_reporting_another_port_fails_the_verification_and_rolls_the_host_back() {
        long id = servers("VP", 1, FROM).getFirst();
        SimulatedWindowsHost host = host(id);
        host.reportRpcPortAs(FROM);

        HostRunView run = rollOut(id);

        assertThat(run.state()).isEqualTo(HostRunState.ROLLED_BACK);
        assertThat(english(run.failureReason())).contains("event 6001 reports port " + FROM + ", expected " + TO);
        assertThat(RolloutEndToEndTest.ports(host)).containsExactly(FROM, FROM);
        assertThat(host.calConWrites()).as("write and restore").isEqualTo(2);
    }

    @Test
    void a_6001_written_before_this_restart_proves_nothing() {
        long id = servers("VS", 1, FROM).getFirst();
        SimulatedWindowsHost host = host(id);
        host.logApplicationEvent(CalConEvents.SOURCE_NOTES_CAL, CalConEvents.RPC_PORT_CONFIGURED,
                EventType.INFORMATION, host.now().minus(Duration.ofHours(1)), CalConEvents.rpcPortText(TO));
        host.suppressRpcPortEvent(true);

        HostRunView run = rollOut(id);

        assertThat(run.state()).isEqualTo(HostRunState.NEEDS_ATTENTION);
        assertThat(run.verification()).isNotEqualTo(Verification.VERIFIED);
        assertThat(run.evidence()).isNull();
    }

    @Test
    void the_host_is_asked_for_events_since_the_restart_and_not_since_an_earlier_time() {
        long id = servers("VA", 1, FROM).getFirst();
        SimulatedWindowsHost host = host(id);

        HostRunView run = rollOut(id);

        assertThat(run.state()).isEqualTo(HostRunState.DONE);
        HostRun stored = runs.findById(run.id()).orElseThrow();
        assertThat(stored.getRestartAt()).isNotNull();
        assertThat(host.eventReadsSince()).isNotEmpty().containsOnly(stored.getRestartAt());
    }

    @Test
    void logging_high_without_a_6001_in_the_verify_window_needs_attention_and_is_not_called_unverifiable() {
        long id = servers("VN", 1, FROM).getFirst();
        SimulatedWindowsHost host = host(id);
        host.suppressRpcPortEvent(true);

        HostRunView run = rollOut(id);

        assertThat(run.state()).isEqualTo(HostRunState.NEEDS_ATTENTION);
        assertThat(run.verification()).isNotEqualTo(Verification.UNVERIFIABLE).isNotEqualTo(Verification.VERIFIED);
        assertThat(code(run.lastMessage())).isEqualTo("rollout.run.no-evidence");
        assertThat(english(run.lastMessage())).contains("no event 6001 since the restart although logging is High")
                .doesNotContain("unverifiable");
        assertThat(RolloutEndToEndTest.ports(host)).as("the values stay written").containsExactly(TO, TO);
    }

    @Test
    void logging_below_high_is_unverifiable_and_the_plan_says_so_before_anything_runs() {
        long id = servers("VL", 1, FROM).getFirst();
        SimulatedWindowsHost host = host(id);
        host.setDiagnosticLevel(DiagnosticLevel.MEDIUM);

        ChangePlan plan = Users.as("oscar", Role.OPERATOR, () -> changes.plan(draft(id)));

        HostPlan hostPlan = plan.hosts().getFirst();
        assertThat(plan.unverifiable()).isEqualTo(1);
        assertThat(hostPlan.verdict()).isEqualTo(HostPlan.Verdict.CHANGE);
        assertThat(hostPlan.unverifiable()).isTrue();
        assertThat(hostPlan.prechecks()).filteredOn(p -> p.check() == Precheck.Check.DIAGNOSTICS_HIGH)
                .singleElement().satisfies(p -> {
                    assertThat(p.status()).isEqualTo(Precheck.Status.WARN);
                    assertThat(english(p.detail())).contains("unverifiable");
                });
        assertThat(english(hostPlan.storedSummary(HostRun.PLAN_MAX_LENGTH))).contains("unverifiable");
        assertThat(host.calConWrites()).as("planning changes nothing").isZero();

        HostRunView run = rollOut(id);

        assertThat(run.state()).isEqualTo(HostRunState.DONE);
        assertThat(run.verification()).isEqualTo(Verification.UNVERIFIABLE);
        assertThat(run.evidence()).isNull();
    }

    private ChangeDraft draft(long id) {
        return ChangeDraft.now(List.of(id), TO, "prove the port", "CHG-6001", ChangeDraft.Waves.DEFAULT);
    }

    private HostRunView rollOut(long id) {
        ChangeSummary submitted = submit(draft(id));
        approve(submitted.id());
        awaitFinished(submitted.id());
        return hostRuns(submitted.id()).getFirst();
    }
}
