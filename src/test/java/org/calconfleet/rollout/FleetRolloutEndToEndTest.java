package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.backend.SimulatedFleet;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.RegistryRead;
import org.calconfleet.host.TcpListener;
import org.calconfleet.host.simulated.HostFault;
import org.calconfleet.host.simulated.SimulatedWindowsHost;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Pageable;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * 200 simulated hosts, faults injected: restarts that fail once (rolled back), one that never starts again (needs
 * attention), a port taken, a host unreachable, logging below High. Every host's outcome, registry values, write
 * and start counts, and audit entries are checked.
 */
@SpringBootTest(properties = {"calcon.simulated.stop-duration=30ms", "calcon.simulated.start-duration=30ms",
        "calcon.rollout.initial-backoff=30ms", "calcon.rollout.verify-delay=30ms", "calcon.drift-scan.enabled=false"})
@ActiveProfiles("test")
@DirtiesContext
class FleetRolloutEndToEndTest {

    static final int HOSTS = 200;
    static final int NEW_PORT = 45120;
    static final int OLD_PORT = 45001;

    @Autowired
    FleetService fleet;
    @Autowired
    ChangeService changes;
    @Autowired
    RolloutService rollouts;
    @Autowired
    SimulatedFleet simulated;
    @Autowired
    AuditTrail audit;

    @Test
    void two_hundred_hosts_with_faults_end_as_each_should_and_no_step_runs_twice() {
        List<Long> ids = Fleets.create(fleet, "E2E", HOSTS);
        Map<String, SimulatedWindowsHost> hosts = new HashMap<>();
        Users.as("admin", Role.ADMIN, () -> ids.forEach(id -> {
            ExchangeServer server = fleet.find(id).orElseThrow();
            SimulatedWindowsHost host = simulated.host(server);
            host.putRegistryValue(org.calconfleet.host.CalConRegistry.PARAMETERS_KEY,
                    org.calconfleet.host.CalConRegistry.EXCHANGE_SIDE_PORT_VALUE,
                    org.calconfleet.host.simulated.RegistryValue.dword(OLD_PORT));
            host.putRegistryValue(org.calconfleet.host.CalConRegistry.PARAMETERS_KEY,
                    org.calconfleet.host.CalConRegistry.NOTES_SIDE_PORT_VALUE,
                    org.calconfleet.host.simulated.RegistryValue.dword(OLD_PORT));
            hosts.put(server.getHostName(), host);
        }));
        for (int i = 1; i <= 5; i++) {
            hosts.get(name(i)).failNextStarts(1, 1069);
        }
        hosts.get(name(6)).addListener(new TcpListener(NEW_PORT, 4242, "otherapp.exe"));
        hosts.get(name(7)).injectFault(HostFault.unreachable());
        hosts.get(name(8)).setDiagnosticLevel(DiagnosticLevel.LOW);
        hosts.get(name(9)).failStartsAlways(1069);

        ChangeDraft draft = ChangeDraft.now(ids, NEW_PORT, "end to end", "CHG-E2E",
                new ChangeDraft.Waves(0, 50, 25, HOSTS));
        ChangePlan plan = Users.as("oscar", Role.OPERATOR, () -> changes.plan(draft));
        assertThat(plan.blocked()).isEqualTo(2);
        assertThat(plan.unverifiable()).isEqualTo(1);
        ChangeSummary submitted = Users.as("oscar", Role.OPERATOR, () -> changes.submit(draft));
        Users.as("olivia", Role.OPERATOR, () -> changes.approve(submitted.id(), "go"));
        ChangeSummary done = Fleets.awaitFinished(rollouts, submitted.id(), Duration.ofMinutes(3));

        hosts.get(name(7)).clearFaults();
        Map<String, HostRunView> runs = new HashMap<>();
        Users.as("auditor", Role.AUDITOR, () -> rollouts.hostRuns(submitted.id(), Pageable.unpaged())
                .forEach(run -> runs.put(run.hostName(), run)));
        assertThat(runs).hasSize(HOSTS);
        for (int i = 1; i <= HOSTS; i++) {
            String host = name(i);
            SimulatedWindowsHost simulatedHost = hosts.get(host);
            HostRunView run = runs.get(host);
            CalConPorts ports = readPorts(simulatedHost);
            switch (i) {
                case 1, 2, 3, 4, 5 -> {
                    assertThat(run.state()).as(host).isEqualTo(HostRunState.ROLLED_BACK);
                    assertThat(ports).as(host).isEqualTo(pinned(OLD_PORT));
                    assertThat(simulatedHost.calConWrites()).as(host + " writes: the change and the restore")
                            .isEqualTo(2);
                }
                case 6, 7 -> {
                    assertThat(run.state()).as(host).isEqualTo(HostRunState.SKIPPED);
                    assertThat(ports).as(host).isEqualTo(pinned(OLD_PORT));
                    assertThat(simulatedHost.calConWrites()).as(host).isZero();
                    assertThat(simulatedHost.startAttempts()).as(host).isZero();
                }
                case 9 -> {
                    assertThat(run.state()).as(host).isEqualTo(HostRunState.NEEDS_ATTENTION);
                    assertThat(ports).as(host).isEqualTo(pinned(OLD_PORT));
                }
                default -> {
                    assertThat(run.state()).as(host).isEqualTo(HostRunState.DONE);
                    assertThat(run.verification()).as(host)
                            .isEqualTo(i == 8 ? Verification.UNVERIFIABLE : Verification.VERIFIED);
                    assertThat(ports).as(host).isEqualTo(pinned(NEW_PORT));
                    assertThat(simulatedHost.calConWrites()).as(host + " written exactly once").isEqualTo(1);
                    assertThat(simulatedHost.startAttempts()).as(host + " started exactly once").isEqualTo(1);
                    assertThat(simulatedHost.stopRequests()).as(host + " stopped exactly once").isEqualTo(1);
                }
            }
            List<AuditEntry> history = Users.as("auditor", Role.AUDITOR,
                    () -> audit.historyOf("server:" + host, 50));
            if (i != 6 && i != 7) {
                assertThat(history).as(host + " audit").extracting(AuditEntry::getAction)
                        .contains(AuditAction.HOST_STEP, AuditAction.HOST_RUN_FINISHED);
            }
        }
        assertThat(done.counts().done()).isEqualTo(HOSTS - 8);
        assertThat(done.counts().rolledBack()).isEqualTo(5);
        assertThat(done.counts().needsAttention()).isEqualTo(1);
        assertThat(Users.as("auditor", Role.AUDITOR, () -> audit.verify()).isIntact()).isTrue();
    }

    private static String name(int i) {
        return "E2E-%04d".formatted(i);
    }

    private static CalConPorts pinned(int port) {
        return new CalConPorts(new RegistryRead.Present(port), new RegistryRead.Present(port));
    }

    private static CalConPorts readPorts(SimulatedWindowsHost host) {
        return new org.calconfleet.host.simulated.SimulatedHostBackend(host, "MSExchangeCalCon").readCalConPorts()
                .orElseThrow();
    }
}
