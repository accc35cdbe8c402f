package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.calconfleet.rollout.Rendered.english;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.calconfleet.access.Role;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangePlan;
import org.calconfleet.change.ChangeService;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.change.HostPlan;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerFilter;
import org.calconfleet.testdb.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.test.context.ActiveProfiles;

/** The demo fleet and its simulated quirks, as someone trying the console would meet them. */
@DatabaseTest
@SpringBootTest(properties = {"calcon.simulated.stop-duration=20ms", "calcon.simulated.start-duration=20ms"})
@ActiveProfiles({"demo", "test"})
class DemoRolloutTest {

    @Autowired
    FleetService fleet;
    @Autowired
    ChangeService changes;
    @Autowired
    RolloutService rollouts;

    @Test
    void pinning_singapore_to_45003_changes_four_servers_and_blocks_the_taken_port_and_groupwise() {
        List<ExchangeServer> singapore = Users.as("operator", Role.OPERATOR,
                () -> fleet.list(new ServerFilter("SIN-", null), PageRequest.of(0, 1_000, Sort.by("hostName"))));
        List<Long> ids = singapore.stream().map(ExchangeServer::getId).toList();
        ChangeDraft draft = ChangeDraft.now(ids, 45003, "pin Singapore", "CHG-SIN", new ChangeDraft.Waves(1, 5, 3, 2));
        ChangePlan plan = Users.as("operator", Role.OPERATOR, () -> changes.plan(draft));
        Map<String, HostPlan.Verdict> verdicts = plan.hosts().stream()
                .collect(Collectors.toMap(HostPlan::hostName, HostPlan::verdict));
        assertThat(verdicts).containsEntry("SIN-EXC01", HostPlan.Verdict.CHANGE)
                .containsEntry("SIN-EXC02", HostPlan.Verdict.CHANGE)
                .containsEntry("SIN-EXC05", HostPlan.Verdict.BLOCKED)
                .containsEntry("SIN-EXC06", HostPlan.Verdict.CHANGE)
                .containsEntry("SIN-EXC07", HostPlan.Verdict.CHANGE)
                .containsEntry("SIN-EXC08", HostPlan.Verdict.NO_CHANGE)
                .containsEntry("SIN-EXC13", HostPlan.Verdict.BLOCKED);
        HostPlan taken = plan.hosts().stream().filter(h -> h.hostName().equals("SIN-EXC05")).findFirst().orElseThrow();
        assertThat(english(taken.failures().getFirst().detail())).contains("backupagent.exe");

        ChangeSummary submitted = Users.as("operator", Role.OPERATOR, () -> changes.submit(draft));
        Users.as("operator2", Role.OPERATOR, () -> changes.approve(submitted.id(), "ok"));
        ChangeSummary done = Fleets.awaitFinished(rollouts, submitted.id(), Duration.ofSeconds(60));
        assertThat(done.state()).isEqualTo(ChangeState.DONE);
        assertThat(done.counts().done()).isEqualTo(4);
        assertThat(done.counts().skipped()).isEqualTo(2);
    }

    @Test
    void an_exc08_fails_its_next_start_and_is_rolled_back() {
        ExchangeServer exc08 = Users.as("operator", Role.OPERATOR,
                () -> fleet.list(new ServerFilter("TKY-EXC08", null), Pageable.unpaged()).getFirst());
        ChangeDraft draft = ChangeDraft.now(List.of(exc08.getId()), 45010, "move TKY-EXC08", null,
                new ChangeDraft.Waves(0, 5, 1, 0));
        ChangeSummary submitted = Users.as("operator", Role.OPERATOR, () -> changes.submit(draft));
        Users.as("admin", Role.ADMIN, () -> changes.approve(submitted.id(), "ok"));
        ChangeSummary done = Fleets.awaitFinished(rollouts, submitted.id(), Duration.ofSeconds(60));
        assertThat(done.counts().rolledBack()).isEqualTo(1);
        assertThat(Users.as("helpdesk", Role.HELPDESK, () -> fleet.find(exc08.getId()).orElseThrow())
                .getObservedExchangePort()).isEqualTo(45001);
    }
}
