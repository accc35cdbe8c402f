package org.calconfleet.siem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.calconfleet.audit.AuditBatch;
import org.calconfleet.fleet.BackendKind;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerValues;
import org.calconfleet.port.ConnectorKind;
import org.calconfleet.testdb.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A receiver that never comes up: changes commit as ever, their entries wait in the trail, the health says so. */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class SyslogReceiverNeverUpTest {

    private static final int PORT = SyslogReceiver.freePort();

    @Autowired
    FleetService fleet;

    @Autowired
    AuditBatch audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditForwardingHealth health;

    @DynamicPropertySource
    static void syslog(DynamicPropertyRegistry properties) {
        ForwardingChecks.forwardTo(properties, PORT, false);
        properties.add("calcon.siem.syslog.down-after", () -> "3s");
    }

    @Test
    @WithMockUser(username = "oscar", roles = "OPERATOR")
    void a_change_commits_at_once_and_its_entry_waits_degraded_then_down() {
        ForwardingChecks checks = new ForwardingChecks(audit, jdbc);

        long started = System.nanoTime();
        fleet.create(new ServerValues("SIEM-EXC02", "10.7.1.2", "Nagoya", "2007 SP3", ConnectorKind.LOTUS_DOMINO,
                "NGO-DOM01", "10.7.2.1", "ExchangeFreeBusy", "MSExchangeCalCon", BackendKind.SIMULATED, null, null,
                45001, null, null, null, 1));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where subject = 'server:SIEM-EXC02'",
                Long.class)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> health.health().getStatus()
                .equals(AuditForwardingHealth.DEGRADED));
        Health degraded = health.health();
        assertThat(degraded.getDetails()).containsEntry("lastFailure", "UNREACHABLE")
                .containsEntry("forwardedThrough", 0L).containsEntry("waiting", checks.head());
        await().atMost(Duration.ofSeconds(20)).until(() -> health.health().getStatus().equals(Status.DOWN));
        assertThat((int) health.health().getDetails().get("failedAttempts")).isGreaterThan(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action like '%FORWARD%'",
                Long.class)).as("failures stay out of the trail").isZero();
    }
}
