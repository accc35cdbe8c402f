package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.function.ToIntFunction;
import org.awaitility.Awaitility;
import org.calconfleet.agent.SharedHostAgents;
import org.calconfleet.domino.DominoCommand;
import org.calconfleet.domino.simulated.SimulatedDominoServer;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.simulated.SimulatedWindowsHost;
import org.calconfleet.testdb.DatabaseTest;
import org.calconfleet.testdb.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Two console processes on one PostgreSQL database, their 500 hosts shared (agents in this JVM): the first starts a
 * rollout and is killed (SIGKILL) in the middle of it; db-scheduler on the second sees the first's heartbeat stop,
 * revives the host runs it had picked, and they resume from their last committed step. Every host is written,
 * stopped and started exactly once, its Domino partner reloaded once (runs that were reloading EXCALCON at the kill
 * send the same named request again, which the agent answers from memory), and no host run is lost.
 */
@DatabaseTest
class TwoConsoleNodesTest {

    static final String PREFIX = "TWO";
    static final int HOSTS = 500;

    @TempDir
    Path dir;

    @Test
    void a_rollout_whose_console_is_killed_midway_is_finished_by_the_other_node_without_repeating_a_step()
            throws Exception {
        assumeTrue(TestDatabase.onPostgres(), "two console processes need a shared database server: PostgreSQL only");
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.calconfleet.agent")).setLevel(Level.WARN);
        List<SimulatedWindowsHost> hosts = new ArrayList<>();
        List<SimulatedDominoServer> dominoServers = new ArrayList<>();
        for (int n = 1; n <= HOSTS; n++) {
            String name = "%s-%04d".formatted(PREFIX, n);
            hosts.add(SimulatedWindowsHost.builder(name).calConPorts(45001, 45001)
                    .service(CalConRegistry.DEFAULT_SERVICE_NAME, ServiceState.RUNNING)
                    .diagnosticLevel(DiagnosticLevel.HIGH)
                    .serviceTimings(Duration.ofMillis(400), Duration.ofMillis(400)).build());
            dominoServers.add(new SimulatedDominoServer("DOM-" + name).withCommandTime(Duration.ofMillis(250))
                    .withExcalcon(new DominoCommand.LoadExcalcon(name, "ExchangeFreeBusy", 45001, 45001, true)));
        }
        try (TestDatabase database = TestDatabase.createPostgres();
             SharedHostAgents agents = SharedHostAgents.start(dir.resolve("agents"), hosts, dominoServers)) {
            Path addresses = agents.writeAddresses(dir.resolve("shared-hosts.properties"));
            try (ConsoleNode second = ConsoleNode.start("node-2", database, addresses, dir)) {
                ConsoleNode first = ConsoleNode.start("node-1", database, addresses, dir,
                        "-D" + ConsoleNode.ROLLOUT_HOSTS + "=" + HOSTS);
                long rolloutId = first.rolloutId();
                List<String> revived;
                long killedAt;
                try (Connection db = database.connect()) {
                    await(db, "hosts done before the kill", Duration.ofMinutes(3),
                            () -> count(db, "select count(*) from host_run where state = 'DONE'") >= HOSTS / 4
                                    && count(db, "select count(*) from scheduled_tasks where task_name = 'host-run'"
                                    + " and picked_by = 'node-1'") >= 5);
                    first.kill();
                    killedAt = System.nanoTime();
                    revived = strings(db, "select task_instance from scheduled_tasks where task_name = 'host-run'"
                            + " and picked_by = 'node-1'");
                    long doneAtKill = count(db, "select count(*) from host_run where state = 'DONE'");
                    long reloadingAtKill = count(db, "select count(*) from host_run where state = 'RUNNING'"
                            + " and step = 'DOMINO'");
                    await(db, "the dead node's host runs revived", Duration.ofSeconds(90),
                            () -> count(db, "select count(*) from scheduled_tasks where picked_by = 'node-1'") == 0);
                    double revivalSeconds = (System.nanoTime() - killedAt) / 1e9;
                    await(db, "the rollout finished", Duration.ofMinutes(4),
                            () -> "DONE".equals(strings(db, "select state from change_request where id = " + rolloutId)
                                    .get(0)));
                    double finishedSeconds = (System.nanoTime() - killedAt) / 1e9;

                    assertThat(count(db, "select count(*) from host_run where change_request_id = " + rolloutId))
                            .isEqualTo(HOSTS);
                    assertThat(count(db, "select count(*) from host_run where state = 'DONE'")).isEqualTo(HOSTS);
                    assertThat(count(db, "select count(*) from scheduled_tasks where task_name = 'host-run'")).isZero();
                    for (SimulatedWindowsHost host : hosts) {
                        assertThat(RolloutEndToEndTest.ports(host)).as(host.hostName()).containsExactly(45002, 45002);
                        assertThat(host.calConWrites()).as(host.hostName() + " writes").isEqualTo(1);
                        assertThat(host.stopRequests()).as(host.hostName() + " stops").isEqualTo(1);
                        assertThat(host.startAttempts()).as(host.hostName() + " starts").isEqualTo(1);
                    }
                    for (SimulatedDominoServer domino : dominoServers) {
                        assertThat(domino.received()).as(domino.name()).hasSize(2);
                        assertThat(domino.excalcon().orElseThrow().exchangeSidePort()).isEqualTo(45002);
                    }
                    assertThat(revived).isNotEmpty();
                    System.out.printf("two nodes, %d hosts: node-1 killed with %d done and %d host runs picked"
                                    + " (%d reloading EXCALCON);"
                                    + " revived on node-2 after %.1f s, rollout done %.1f s after the kill;"
                                    + " writes per host %s, stops %s, starts %s, Domino commands %s%n",
                            HOSTS, doneAtKill, revived.size(), reloadingAtKill, revivalSeconds, finishedSeconds,
                            range(hosts, SimulatedWindowsHost::calConWrites), range(hosts, SimulatedWindowsHost::stopRequests),
                            range(hosts, SimulatedWindowsHost::startAttempts),
                            range(dominoServers, d -> d.received().size()));
                }
            }
        }
    }

    private static <T> String range(List<T> items, ToIntFunction<T> count) {
        IntSummaryStatistics stats = items.stream().mapToInt(count).summaryStatistics();
        return stats.getMin() + ".." + stats.getMax() + " (sum " + stats.getSum() + ")";
    }

    private interface Check {
        boolean holds() throws SQLException;
    }

    /** Polls on the calling thread: the checks share its database connection. */
    private static void await(Connection db, String what, Duration timeout, Check check) {
        Awaitility.await(what).atMost(timeout).pollInSameThread().pollInterval(Duration.ofMillis(20))
                .until(check::holds);
    }

    private static long count(Connection db, String sql) throws SQLException {
        return Long.parseLong(strings(db, sql).get(0));
    }

    private static List<String> strings(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
