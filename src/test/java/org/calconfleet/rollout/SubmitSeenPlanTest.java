package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.calconfleet.access.Role;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangePlan;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.HostOperation;
import org.calconfleet.host.simulated.RegistryValue;
import org.junit.jupiter.api.Test;

/**
 * The submit stores the plan the requester looked at, when it is theirs, of the very draft submitted and recent;
 * any other plan is made afresh from the hosts. Each test moves one host to the target port after the plan, so the
 * stored counts tell which plan was kept: the one seen (both hosts to change) or a fresh one (one already there).
 */
class SubmitSeenPlanTest extends RolloutTestBase {

    private static final int TARGET = 45008;

    private static ChangeDraft draft(List<Long> ids, int port) {
        return ChangeDraft.now(ids, port, "pin for the firewall", "CHG-18", new ChangeDraft.Waves(0, 10, 5, 0));
    }

    private ChangePlan planAs(String user, ChangeDraft draft) {
        return Users.as(user, Role.OPERATOR, () -> changes.plan(draft));
    }

    private void moveToTargetBehindTheConsole(long id) {
        host(id).putRegistryValue(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE,
                RegistryValue.dword(TARGET));
        host(id).putRegistryValue(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE,
                RegistryValue.dword(TARGET));
    }

    private record Planned(List<Long> ids, ChangeDraft draft, ChangePlan seen) {
    }

    /** Oscar plans two servers to the target; then the first is moved there behind the console's back. */
    private Planned plannedThenOneMoved(String prefix) {
        List<Long> ids = servers(prefix, 2, 45001);
        ChangeDraft draft = draft(ids, TARGET);
        ChangePlan seen = planAs("oscar", draft);
        moveToTargetBehindTheConsole(ids.getFirst());
        return new Planned(ids, draft, seen);
    }

    private int portReads(List<Long> ids) {
        return ids.stream().mapToInt(id -> host(id).calls(HostOperation.READ_CALCON_PORTS)).sum();
    }

    @Test
    void the_plan_the_requester_looked_at_is_submitted_as_it_is_and_no_host_is_read_again() {
        Planned planned = plannedThenOneMoved("SEEN");
        int readsAfterThePlan = portReads(planned.ids());

        ChangeSummary submitted = Users.as("oscar", Role.OPERATOR,
                () -> changes.submit(planned.draft(), planned.seen()));

        assertThat(portReads(planned.ids())).isEqualTo(readsAfterThePlan);
        assertThat(submitted.counts().pending()).isEqualTo(2);
        assertThat(submitted.counts().noChange()).isZero();
    }

    @Test
    void a_plan_too_old_of_another_port_or_order_or_made_by_someone_else_is_made_again_from_the_hosts() {
        Planned planned = plannedThenOneMoved("STALE");
        List<Long> ids = planned.ids();
        ChangeDraft draft = planned.draft();
        ChangePlan seen = planned.seen();
        ChangePlan tooOld = new ChangePlan(seen.targetPort(), seen.hosts(), seen.waves(),
                seen.plannedAt().minus(Duration.ofMinutes(6)), seen.plannedBy());

        List<ChangeSummary> submitted = List.of(
                Users.as("oscar", Role.OPERATOR, () -> changes.submit(draft, tooOld)),
                Users.as("oscar", Role.OPERATOR, () -> changes.submit(draft, planAs("oscar", draft(ids, 45009)))),
                Users.as("oscar", Role.OPERATOR, () -> changes.submit(draft,
                        planAs("oscar", draft(ids.reversed(), TARGET)))),
                Users.as("otto", Role.OPERATOR, () -> changes.submit(draft, seen)));

        assertThat(submitted).allSatisfy(change -> {
            assertThat(change.counts().pending()).isEqualTo(1);
            assertThat(change.counts().noChange()).isEqualTo(1);
        });
    }
}
