package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.calconfleet.CalConFleetApplication;
import org.calconfleet.access.Role;
import org.calconfleet.backend.SimulatedFleet;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.host.simulated.SimulatedWindowsHost;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Pageable;

/**
 * The console stops in the middle of a rollout and another starts on the same database: the rollout completes and
 * every host is written and restarted exactly once (counted on simulated hosts that outlive both consoles).
 */
class RolloutRestartTest {

    static final int HOSTS = 40;
    static final int NEW_PORT = 45130;

    private final SimulatedFleet hosts = new SimulatedFleet(
            new SimulatedFleet.Settings(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ZERO));

    private ConfigurableApplicationContext console(Path database, String node) {
        return new SpringApplicationBuilder(CalConFleetApplication.class)
                .profiles("test")
                .initializers(context -> context.getBeanFactory().registerSingleton("simulatedFleet", hosts))
                .run("--spring.datasource.url=jdbc:h2:file:" + database.toAbsolutePath(),
                        "--server.port=0", "--db-scheduler.scheduler-name=" + node, "--calcon.drift-scan.enabled=false",
                        "--db-scheduler.shutdown-max-wait=1s", "--calcon.rollout.verify-delay=50ms",
                        "--calcon.rollout.initial-backoff=50ms");
    }

    @Test
    void a_rollout_cut_off_by_a_stopped_console_completes_on_the_next_and_no_host_is_touched_twice() throws Exception {
        Path database = Files.createTempDirectory("calcon-restart").resolve("calcon");
        ChangeSummary submitted;
        try (ConfigurableApplicationContext first = console(database, "node-a")) {
            FleetService fleet = first.getBean(FleetService.class);
            ChangeService changes = first.getBean(ChangeService.class);
            RolloutService rollouts = first.getBean(RolloutService.class);
            List<Long> ids = Fleets.create(fleet, "RST", HOSTS);
            ChangeDraft draft = ChangeDraft.now(ids, NEW_PORT, "restart-proof", null,
                    new ChangeDraft.Waves(0, HOSTS, 4, HOSTS));
            submitted = Users.as("oscar", Role.OPERATOR, () -> changes.submit(draft));
            Users.as("olivia", Role.OPERATOR, () -> changes.approve(submitted.id(), "go"));
            awaitDone(rollouts, submitted.id(), 5);
        }
        ChangeSummary cutOff;
        try (ConfigurableApplicationContext second = console(database, "node-b")) {
            RolloutService rollouts = second.getBean(RolloutService.class);
            cutOff = Users.as("auditor", Role.AUDITOR, () -> rollouts.rollout(submitted.id()).orElseThrow());
            ChangeSummary done = Fleets.awaitFinished(rollouts, submitted.id(), Duration.ofMinutes(2));

            assertThat(done.state()).isEqualTo(ChangeState.DONE);
            assertThat(done.counts().done()).isEqualTo(HOSTS);
            Users.as("auditor", Role.AUDITOR, () -> rollouts.hostRuns(submitted.id(), Pageable.unpaged()).forEach(run ->
                    assertThat(run.state()).as(run.hostName()).isEqualTo(HostRunState.DONE)));
        }
        assertThat(cutOff.counts().done()).as("the first console stopped mid-rollout").isLessThan(HOSTS);
        for (int i = 1; i <= HOSTS; i++) {
            SimulatedWindowsHost host = hosts.existingHost("RST-%04d".formatted(i)).orElseThrow();
            assertThat(host.calConWrites()).as(host.hostName() + " writes").isEqualTo(1);
            assertThat(host.startAttempts()).as(host.hostName() + " starts").isEqualTo(1);
            assertThat(host.stopRequests()).as(host.hostName() + " stops").isEqualTo(1);
        }
    }

    private static void awaitDone(RolloutService rollouts, long id, int atLeast) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            ChangeSummary summary = Users.as("auditor", Role.AUDITOR, () -> rollouts.rollout(id).orElseThrow());
            if (summary.counts().done() >= atLeast) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("rollout " + id + " never reached " + atLeast + " hosts done");
    }
}
