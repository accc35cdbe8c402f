package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.calconfleet.access.Role;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangePlan;
import org.calconfleet.change.ChangeRefusedException;
import org.calconfleet.change.HostPlan;
import org.calconfleet.host.HostOperation;
import org.junit.jupiter.api.Test;

/**
 * The servers a plan covers: each one the fleet knows, checked before any host is read, and the hosts in the order
 * the draft gives them, however the servers come out of the database.
 */
class PlanServersTest extends RolloutTestBase {

    /** The first host of the draft is the canary, alone in wave 0. */
    private static ChangeDraft draft(List<Long> ids) {
        return ChangeDraft.now(ids, 45011, "pin for the firewall", "CHG-19", new ChangeDraft.Waves(1, 10, 5, 0));
    }

    private int portReads(List<Long> ids) {
        return ids.stream().mapToInt(id -> host(id).calls(HostOperation.READ_CALCON_PORTS)).sum();
    }

    @Test
    void a_server_the_fleet_does_not_know_refuses_the_plan_before_any_host_is_read() {
        List<Long> known = servers("UNKN", 2, 45001);
        long unknown = jdbc.queryForObject("select max(id) from exchange_server", Long.class) + 1000;
        List<Long> ids = new ArrayList<>(known);
        ids.add(unknown);
        int readsBefore = portReads(known);

        assertThatThrownBy(() -> Users.as("oscar", Role.OPERATOR, () -> changes.plan(draft(ids))))
                .isInstanceOfSatisfying(ChangeRefusedException.class, refused -> {
                    assertThat(refused.messageKey()).isEqualTo("rollout.server.unknown");
                    assertThat(refused.getMessage()).contains(Long.toString(unknown));
                });
        assertThat(portReads(known)).isEqualTo(readsBefore);
    }

    @Test
    void the_plan_lists_the_hosts_in_the_order_of_the_draft_and_makes_its_first_the_canary() {
        List<Long> ids = servers("PORD", 3, 45001).reversed();

        ChangePlan plan = Users.as("oscar", Role.OPERATOR, () -> changes.plan(draft(ids)));

        assertThat(plan.hosts()).extracting(HostPlan::serverId).containsExactlyElementsOf(ids);
        assertThat(plan.hosts()).extracting(HostPlan::wave).containsExactly(0, 1, 1);
    }
}
