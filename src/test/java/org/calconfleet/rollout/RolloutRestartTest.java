package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.calconfleet.CalConFleetApplication;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.audit.AuditFilter;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.backend.SimulatedFleet;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangeService;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.fleet.ConnectorServiceState;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.FleetObservations;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.Observation;
import org.calconfleet.host.simulated.SimulatedWindowsHost;
import org.calconfleet.testdb.DatabaseTest;
import org.calconfleet.testdb.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A console stops in the middle of a rollout (its context closes; the scheduler interrupts the host runs) and another
 * console starts on the same database (an H2 file, or a PostgreSQL database): it revives the dead node's host runs, each resumes where its last
 * committed step left it, and every host is written, stopped and started exactly once. The simulated hosts are
 * shared by both consoles, as real hosts would be.
 */
@DatabaseTest
class RolloutRestartTest {

    static final int HOSTS = 30;
    static final SimulatedFleet FLEET = new SimulatedFleet(
            new SimulatedFleet.Settings(Duration.ofMillis(700), Duration.ofMillis(700), Duration.ofMillis(10)));

    @TempDir
    Path dir;

    TestDatabase database;

    @BeforeEach
    void freshDatabase() {
        database = TestDatabase.create(dir);
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    /** Command-line arguments, since they outrank application-test.properties (builder properties do not). */
    ConfigurableApplicationContext console(String node) {
        return new SpringApplicationBuilder(CalConFleetApplication.class)
                .profiles("test")
                .initializers(context -> context.getBeanFactory().registerSingleton("simulatedFleet", FLEET))
                .run(Stream.concat(Stream.of(database.arguments()), Stream.of("--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--db-scheduler.scheduler-name=" + node,
                        "--db-scheduler.shutdown-max-wait=100ms",
                        "--calcon.drift-scan.enabled=false",
                        "--calcon.rollout.initial-backoff=50ms")).toArray(String[]::new));
    }

    @Test
    void a_rollout_interrupted_by_a_stopping_console_completes_on_the_next_without_repeating_a_step() throws Exception {
        ConfigurableApplicationContext first = console("node-1");
        long changeId;
        List<String> inFlight;
        try {
            FleetService fleet = first.getBean(FleetService.class);
            FleetObservations observations = first.getBean(FleetObservations.class);
            List<Long> ids = Fleets.create(fleet, "RST", HOSTS);
            for (Long id : ids) {
                observations.record(id, Observation.by("test").ports(45001, 45001)
                        .service(ConnectorServiceState.RUNNING).diagnosticsHigh(true));
            }
            ChangeService changes = first.getBean(ChangeService.class);
            ChangeDraft draft = ChangeDraft.now(ids, 45002, "restart-proof", "CHG-RST",
                    new ChangeDraft.Waves(2, 10, 8, 0));
            changeId = Users.as("oscar", Role.OPERATOR, () -> changes.submit(draft)).id();
            Users.as("olivia", Role.OPERATOR, () -> changes.approve(changeId, "go"));

            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            await("hosts mid-restart").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                    .until(() -> count(jdbc, "select count(*) from host_run where state = 'DONE'") >= 2
                            && count(jdbc, "select count(*) from host_run where state = 'RUNNING'"
                                    + " and step = 'RESTART'") >= 3);
            inFlight = jdbc.queryForList("select host_name from host_run where state = 'RUNNING'", String.class);
        } finally {
            first.close();
        }

        try (Connection db = database.connect()) {
            assertThat(single(db, "select state from change_request where id = " + changeId)).isEqualTo("RUNNING");
            assertThat(Integer.parseInt(single(db, "select count(*) from host_run where state = 'RUNNING'")))
                    .as("host runs left mid-step by the stopped console").isPositive();
        }
        assertThat(inFlight).isNotEmpty();

        ConfigurableApplicationContext second = console("node-2");
        try {
            RolloutService rollouts = second.getBean(RolloutService.class);
            ChangeSummary done = Fleets.awaitFinished(rollouts, changeId, Duration.ofSeconds(90));
            assertThat(done.state()).isEqualTo(ChangeState.DONE);
            assertThat(done.counts().done()).isEqualTo(HOSTS);
            assertThat(done.requestedBy()).as("the change the first console stored").isEqualTo("oscar");

            FleetObservations observations = second.getBean(FleetObservations.class);
            List<ExchangeServer> servers = new ArrayList<>();
            for (int page = 0; page < 10; page++) {
                servers.addAll(observations.page(page, 100).getContent());
            }
            assertThat(servers).hasSize(HOSTS);
            for (ExchangeServer server : servers) {
                SimulatedWindowsHost host = FLEET.existingHost(server.getHostName()).orElseThrow();
                assertThat(RolloutEndToEndTest.ports(host)).as(server.getHostName()).containsExactly(45002, 45002);
                assertThat(host.calConWrites()).as(server.getHostName() + " writes").isEqualTo(1);
                assertThat(host.stopRequests()).as(server.getHostName() + " stops").isEqualTo(1);
                assertThat(host.startAttempts()).as(server.getHostName() + " starts").isEqualTo(1);
                assertThat(server.getObservedExchangePort()).isEqualTo(45002);
            }

            AuditTrail audit = second.getBean(AuditTrail.class);
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            await("audit outbox drained").atMost(Duration.ofSeconds(60))
                    .until(() -> count(jdbc, "select count(*) from audit_outbox") == 0);
            List<AuditEntry> finished = Users.as("auditor", Role.AUDITOR, () -> audit.search(
                    new AuditFilter(null, null, AuditAction.HOST_RUN_FINISHED, null, null),
                    PageRequest.of(0, 100)));
            assertThat(finished).hasSize(HOSTS);
            assertThat(Users.as("auditor", Role.AUDITOR, () -> audit.verify()).isIntact()).isTrue();
        } finally {
            second.close();
        }
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private static String single(Connection db, String sql) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
