package org.calconfleet.siem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.calconfleet.audit.AuditBatch;
import org.calconfleet.fleet.BackendKind;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerValues;
import org.calconfleet.port.ConnectorKind;
import org.calconfleet.testdb.DatabaseTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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

/** The trail forwarded over plain TCP to a receiver on a loopback port that dies, hangs and comes back. */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class SyslogForwardingTest {

    private static final int PORT = SyslogReceiver.freePort();
    /** As set by {@link ForwardingChecks#forwardTo}. */
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(3);
    private static final SyslogReceiver receiver = new SyslogReceiver(PORT, null).start();

    @Autowired
    AuditBatch audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditForwarder forwarder;

    @Autowired
    AuditForwardingHealth health;

    @Autowired
    FleetService fleet;

    private ForwardingChecks checks;

    @DynamicPropertySource
    static void syslog(DynamicPropertyRegistry properties) {
        ForwardingChecks.forwardTo(properties, PORT, false);
        properties.add("calcon.siem.syslog.hostname", () -> "calcon-test");
        properties.add("calcon.siem.syslog.batch-size", () -> "7");
        properties.add("calcon.siem.syslog.connect-timeout", () -> "1s");
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @BeforeEach
    void caughtUp() {
        checks = new ForwardingChecks(audit, jdbc);
        checks.awaitForwarded();
    }

    @Test
    void every_entry_reaches_a_receiver_that_dies_mid_batch_and_comes_back_in_order_repeats_only_of_what_it_had() {
        long before = checks.head();
        receiver.stopAfter(receiver.messages().size() + 10);

        checks.record(20, "A");
        await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.isRunning());
        await().atMost(Duration.ofSeconds(20)).until(() -> health.health().getStatus().equals(
                AuditForwardingHealth.DEGRADED));
        checks.record(10, "B");
        Health down = health.health();
        receiver.start();
        checks.record(5, "C");
        checks.awaitForwarded();

        assertThat(down.getDetails()).containsEntry("target", "tcp://127.0.0.1:" + PORT)
                .containsEntry("newestEntry", checks.head() - 5).containsKey("lastFailureDetail");
        assertThat(down.getDetails().get("lastFailure")).isIn("UNREACHABLE", "CONNECTION_LOST");
        assertThat((long) down.getDetails().get("waiting")).isGreaterThanOrEqualTo(20);
        int repeats = checks.assertEveryEntryArrivedInOrder(receiver.messages(), before);
        assertThat(repeats).as("the messages of the broken batch that the receiver had read").isEqualTo(3);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        Received first = Received.of(receiver.messages().stream().filter(m -> Received.of(m).seq() == before + 1)
                .findFirst().orElseThrow());
        assertThat(first.hostname()).isEqualTo("calcon-test");
        assertThat(first.appName()).isEqualTo("calcon");
        assertThat(first.msgId()).isEqualTo("SERVER_UPDATED");
        assertThat(first.text()).isEqualTo("Server changed: server:A-1, by tester. Before: desiredPort=45001. "
                + "After: desiredPort=45001.");
    }

    @Test
    @WithMockUser(username = "oscar", roles = "OPERATOR")
    void a_receiver_that_accepts_and_never_reads_holds_up_no_change_and_then_gets_it() {
        long before = checks.head();
        receiver.stop();
        SyslogReceiver hanging = new SyslogReceiver(PORT, null).startSilent();
        try {
            checks.record(1, "D");
            await().atMost(Duration.ofSeconds(10)).until(() -> hanging.accepted() > 0);

            long started = System.nanoTime();
            fleet.create(server("SIEM-EXC01"));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).as("the change waited for the forwarding").isLessThan(ACK_TIMEOUT.dividedBy(3));
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where subject = 'server:SIEM-EXC01'",
                    Long.class)).isEqualTo(1);
            assertThat(checks.forwarded()).isEqualTo(before);
            await().atMost(Duration.ofSeconds(20)).until(() -> "TIMED_OUT".equals(
                    health.health().getDetails().get("lastFailure")));
        } finally {
            hanging.stop();
        }
        receiver.start();
        checks.awaitForwarded();

        checks.assertEveryEntryArrivedInOrder(receiver.messages(), before);
    }

    @Test
    void forwarders_running_at_once_as_on_several_nodes_send_each_entry_once_and_in_order() throws Exception {
        long before = checks.head();
        receiver.clear();
        checks.record(60, "E");
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try {
            List<Callable<Void>> passes = new ArrayList<>();
            for (int node = 0; node < 4; node++) {
                passes.add(() -> {
                    while (checks.forwarded() < checks.head() && System.nanoTime() < deadline) {
                        forwarder.forwardNextBatch();
                    }
                    return null;
                });
            }
            for (Future<Void> pass : nodes.invokeAll(passes)) {
                pass.get();
            }
        } finally {
            nodes.shutdown();
        }

        assertThat(checks.forwarded()).isEqualTo(checks.head());
        assertThat(receiver.sequenceNumbers()).containsExactlyElementsOf(
                LongStream.rangeClosed(before + 1, checks.head()).boxed().toList());
    }

    private static ServerValues server(String host) {
        return new ServerValues(host, "10.7.1.1", "Nagoya", "2007 SP3", ConnectorKind.LOTUS_DOMINO, "NGO-DOM01",
                "10.7.2.1", "ExchangeFreeBusy", "MSExchangeCalCon", BackendKind.SIMULATED, null, null, 45001, null, null, null, 1);
    }
}
