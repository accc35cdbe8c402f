package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.calconfleet.change.HostPlan;
import org.calconfleet.change.Precheck;
import org.calconfleet.i18n.StoredMessage;
import org.junit.jupiter.api.Test;

/** What a plan keeps with a host run always fits its column whole: a clipped message could not be read back. */
class HostPlanTest {

    private static HostPlan blocked(List<Precheck> prechecks) {
        return new HostPlan(1, "HPT-0001", "Nara", 45001, HostPlan.Verdict.BLOCKED, -1, List.of(), prechecks, false,
                null, null, List.of(), null);
    }

    private static Precheck inUse(String who) {
        return Precheck.fail(Precheck.Check.PORT_FREE, "rollout.precheck.port.in-use", StoredMessage.port(45001),
                StoredMessage.verbatim(who));
    }

    @Test
    void a_host_blocked_by_a_few_checks_keeps_what_each_found() {
        HostPlan plan = blocked(List.of(inUse("squatter.exe")));

        StoredMessage why = plan.blockedBy(HostRun.MESSAGE_MAX_LENGTH);

        assertThat(Rendered.english(why)).isEqualTo(
                "blocked at plan time: Port free on the host (failed): TCP 45001 is in use on the host by squatter.exe");
    }

    @Test
    void a_host_blocked_by_more_than_its_message_holds_keeps_the_failed_checks_names_as_a_whole_message() {
        List<Precheck> many = IntStream.range(0, 8).mapToObj(n -> inUse("x".repeat(300))).toList();
        HostPlan plan = blocked(many);

        String why = plan.blockedBy(HostRun.MESSAGE_MAX_LENGTH).toJson();
        String planned = plan.storedSummary(HostRun.PLAN_MAX_LENGTH);

        assertThat(why.length()).isLessThanOrEqualTo(HostRun.MESSAGE_MAX_LENGTH);
        assertThat(Rendered.english(why)).startsWith("blocked at plan time: Port free on the host, Port free");
        assertThat(planned.length()).isLessThanOrEqualTo(HostRun.PLAN_MAX_LENGTH);
        assertThat(Rendered.stored(planned).code()).isEqualTo("rollout.plan.summary");
        assertThat(Rendered.english(planned)).startsWith("Blocked: Port free on the host, Port free");
    }
}
