package org.calconfleet.rollout;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.backend.SimulatedFleet;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangeService;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.fleet.ConnectorServiceState;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.FleetObservations;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.Observation;
import org.calconfleet.host.simulated.SimulatedWindowsHost;
import org.calconfleet.i18n.Messages;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.policy.FleetPolicy;
import org.calconfleet.policy.PolicyService;
import org.calconfleet.testdb.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * One application context for the rollout tests (so it is built once): simulated hosts whose restarts take 20 ms,
 * retries 20 ms apart, no drift scan of its own, gauges read afresh. Each test uses its own host names.
 */
@DatabaseTest
@SpringBootTest(properties = {"calcon.simulated.stop-duration=20ms", "calcon.simulated.start-duration=20ms",
        "calcon.rollout.initial-backoff=20ms", "calcon.rollout.max-backoff=100ms", "calcon.rollout.max-attempts=3",
        "calcon.rollout.verify-delay=20ms", "calcon.drift-scan.enabled=false",
        "calcon.metrics.gauge-max-age=0s"})
@ActiveProfiles("test")
abstract class RolloutTestBase {

    @Autowired
    FleetService fleet;
    @Autowired
    FleetObservations observations;
    @Autowired
    ChangeService changes;
    @Autowired
    RolloutService rollouts;
    @Autowired
    FollowUps followUps;
    @Autowired
    SimulatedFleet simulated;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PolicyService policy;
    @Autowired
    Messages messages;

    /** A stored message as an English reader reads it, times in UTC. */
    static String english(String stored) {
        return Rendered.english(stored);
    }

    static String english(StoredMessage message) {
        return Rendered.english(message);
    }

    /** The code of a stored message; fails on a text stored as a sentence. */
    static String code(String stored) {
        return StoredMessage.parse(stored).orElseThrow(() -> new AssertionError("not a stored message: " + stored))
                .code();
    }

    /** {@code count} Domino servers whose registry holds {@code port} on both sides, connector running, logging High. */
    List<Long> servers(String prefix, int count, int port) {
        List<Long> ids = Fleets.create(fleet, prefix, count);
        for (Long id : ids) {
            observations.record(id, Observation.by("test").ports(port, port).service(ConnectorServiceState.RUNNING)
                    .diagnosticsHigh(true));
        }
        return ids;
    }

    ExchangeServer server(long id) {
        return observations.server(id).orElseThrow();
    }

    SimulatedWindowsHost host(long id) {
        return simulated.host(server(id));
    }

    static String name(String prefix, int n) {
        return "%s-%04d".formatted(prefix, n);
    }

    ChangeSummary submit(ChangeDraft draft) {
        return Users.as("oscar", Role.OPERATOR, () -> changes.submit(draft));
    }

    ChangeSummary approve(long id) {
        return Users.as("olivia", Role.OPERATOR, () -> changes.approve(id, "looks right"));
    }

    ChangeSummary awaitFinished(long id) {
        return Fleets.awaitFinished(rollouts, id, Duration.ofSeconds(60));
    }

    List<HostRunView> hostRuns(long rolloutId) {
        return Users.as("helpdesk", Role.HELPDESK, () -> rollouts.hostRuns(rolloutId, Pageable.unpaged()).getContent());
    }

    HostRunView run(long rolloutId, String hostName) {
        return hostRuns(rolloutId).stream().filter(r -> r.hostName().equals(hostName)).findFirst().orElseThrow();
    }

    /** Waits until the audit outbox is empty: every committed step is then in the chain. */
    void awaitAuditDrained() {
        await("audit outbox drained").atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject("select count(*) from audit_outbox", Long.class), count -> count == 0);
    }

    /** The server's audit history, oldest first. */
    List<AuditEntry> history(String hostName) {
        List<AuditEntry> newestFirst = Users.as("auditor", Role.AUDITOR, () -> audit.historyOf("server:" + hostName, 100));
        List<AuditEntry> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** The port policy's notification addresses, set by an administrator. */
    void mailPolicyTo(String... addresses) {
        Users.as("admin", Role.ADMIN, () -> {
            var revision = policy.revision();
            FleetPolicy current = revision.policy();
            policy.update(new FleetPolicy(current.ports(), current.approvalRequired(), current.driftScanInterval(),
                    List.of(addresses)), revision.version(), "mail test");
        });
    }

    /** A change's audit history, newest first. */
    List<AuditEntry> changeHistory(long id) {
        return Users.as("auditor", Role.AUDITOR, () -> audit.historyOf("change:" + id, 100));
    }

    /** Lets time pass, for a test that shows nothing happens meanwhile; waits for a condition use Awaitility. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
