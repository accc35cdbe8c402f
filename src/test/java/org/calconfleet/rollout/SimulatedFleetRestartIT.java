package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.awaitility.Awaitility;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.simulated.RegistryValue;
import org.calconfleet.host.simulated.SimulatedHostFiles;
import org.calconfleet.host.simulated.SimulatedHostState;
import org.calconfleet.host.simulated.SimulatedWindowsHost;
import org.calconfleet.host.HostTime;
import org.calconfleet.testdb.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console of the demo, a real process on an H2 file with its simulated hosts kept in their files, is killed
 * (SIGKILL) in the middle of a rollout of 500 hosts, some done, some under way, some waiting; started again on the
 * same data, it finishes the rollout, and each host it meets is the host it left: no host is rolled back, each was
 * written once, stopped once and started once (counted by the hosts themselves, in their files), and the audit chain
 * is intact.
 */
class SimulatedFleetRestartIT {

    static final int HOSTS = 500;

    @TempDir
    Path dir;

    @Test
    void a_console_killed_mid_rollout_meets_its_simulated_hosts_as_it_left_them_and_finishes_without_a_rollback()
            throws Exception {
        assumeThat(TestDatabase.onPostgres()).as("the restart of one console on its H2 file").isFalse();
        Path calcon = dir.resolve("calcon").toAbsolutePath();
        // As the console's own URL (H2's write delay: the engine waits for its steps to be in the file before it acts);
        // AUTO_SERVER: the console opens the file and serves it, this test looks through the console meanwhile.
        TestDatabase database = new TestDatabase(calcon.toString(),
                "jdbc:h2:file:" + calcon + ";AUTO_SERVER=TRUE", "sa", "");
        Path states = dir.resolve("simulated-hosts");
        String[] options = {"-Dcalcon.simulated.state-directory=" + states,
                "-Dcalcon.simulated.stop-duration=400ms", "-Dcalcon.simulated.start-duration=400ms",
                "-Dcalcon.simulated.latency=10ms", "-Dcalcon.rollout.host-run-lease=5s",
                "-Dcalcon.audit.checkpoint.directory=" + dir.resolve("audit-checkpoints")};

        long began = System.nanoTime();
        Map<String, String> timeline = new LinkedHashMap<>();
        ConsoleNode first = ConsoleNode.start("console-before-kill", database, null, dir,
                with(options, "-D" + ConsoleNode.ROLLOUT_HOSTS + "=" + HOSTS));
        long rolloutId = first.rolloutId();
        timeline.put("rollout started", seconds(began));
        try (Connection db = database.connect()) {
            await("some hosts done, some under way, some waiting", Duration.ofMinutes(2),
                    () -> count(db, "state = 'DONE'") >= HOSTS / 5 && count(db, "state = 'RUNNING'") >= 20
                            && count(db, "state = 'PENDING'") >= HOSTS / 5);
        } finally {
            first.kill();
            timeline.put("killed", seconds(began));
        }
        Map<String, Long> atKill = new LinkedHashMap<>();
        try (Connection db = database.connect()) {
            atKill.put("done", count(db, "state = 'DONE'"));
            atKill.put("in flight", count(db, "state = 'RUNNING'"));
            atKill.put("pending", count(db, "state = 'PENDING'"));
            atKill.put("other", count(db, "state not in ('DONE', 'RUNNING', 'PENDING')"));
            for (String step : strings(db, "select distinct step from host_run where state = 'RUNNING'")) {
                atKill.put("in flight at " + step, count(db, "state = 'RUNNING' and step = '" + step + "'"));
            }
        }
        System.out.println("SIGKILL of the console with " + HOSTS + " simulated hosts: " + atKill);
        assertThat(atKill.get("in flight")).as("hosts under way at the kill").isPositive();
        assertThat(atKill.get("pending")).as("hosts waiting at the kill").isPositive();

        ConsoleNode second = ConsoleNode.start("console-after-kill", database, null, dir,
                with(options, "-D" + ConsoleNode.AWAIT_ROLLOUT + "=" + rolloutId));
        timeline.put("started again", seconds(began));
        try {
            await("the rollout finished and the audit chain verified", Duration.ofMinutes(4), () -> {
                assertThat(second.isAlive()).as("the restarted console runs").isTrue();
                return second.log().contains(ConsoleNode.AUDIT_CHAIN);
            });
            SimulatedHostFiles files = SimulatedHostFiles.in(states);
            List<SimulatedHostState> hosts = new ArrayList<>();
            for (int n = 1; n <= HOSTS; n++) {
                hosts.add(files.load("%s-%04d".formatted(TwoConsoleNodesTest.PREFIX, n)).orElseThrow());
            }
            List<String> notOnce = new ArrayList<>();
            for (SimulatedHostState host : hosts) {
                SimulatedWindowsHost back = SimulatedWindowsHost.restore(host, HostTime.system(), files);
                if (host.calConWrites() != 1 || host.stopRequests() != 1 || host.startAttempts() != 1
                        || !back.registryValue(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE)
                        .equals(java.util.Optional.of(RegistryValue.dword(45002)))) {
                    notOnce.add(host.hostName() + ": " + host.calConWrites() + " writes, " + host.stopRequests()
                            + " stops, " + host.startAttempts() + " starts");
                }
            }
            try (Connection db = database.connect()) {
                List<String> notDone = strings(db, "select r.host_name || ' ' || r.state || ': ' || listagg(l.step"
                        + " || ' ' || l.outcome || ' ' || coalesce(l.message, ''), ' | ') within group (order by l.id)"
                        + " from host_run r left join host_run_log l on l.host_run_id = r.id"
                        + " where r.state <> 'DONE' group by r.host_name, r.state");
                assertThat(notDone).as("host runs that did not end DONE").isEmpty();
                assertThat(notOnce).as("hosts not written, stopped and started exactly once").isEmpty();
                assertThat(strings(db, "select state from change_request where id = " + rolloutId))
                        .containsExactly("DONE");
            }
            timeline.put("rollout finished, audit chain verified", seconds(began));
            assertThat(second.log()).contains(ConsoleNode.AUDIT_CHAIN + "true");
            System.out.printf("after the restart: %d hosts done, none rolled back; writes per host %s, stops %s,"
                            + " starts %s; audit chain intact%n", HOSTS, range(hosts, SimulatedHostState::calConWrites),
                    range(hosts, SimulatedHostState::stopRequests), range(hosts, SimulatedHostState::startAttempts));
            System.out.println("timeline: " + timeline);
        } finally {
            second.close();
        }
    }

    private static String seconds(long since) {
        return "%.1f s".formatted((System.nanoTime() - since) / 1e9);
    }

    private static String[] with(String[] options, String more) {
        String[] all = java.util.Arrays.copyOf(options, options.length + 1);
        all[options.length] = more;
        return all;
    }

    private static <T> String range(List<T> items, ToIntFunction<T> count) {
        IntSummaryStatistics stats = items.stream().mapToInt(count).summaryStatistics();
        return stats.getMin() + ".." + stats.getMax() + " (sum " + stats.getSum() + ")";
    }

    private interface Check {
        boolean holds() throws SQLException;
    }

    /** Polls on the calling thread: the checks share its database connection. */
    private static void await(String what, Duration timeout, Check check) {
        Awaitility.await(what).atMost(timeout).pollInSameThread().pollInterval(Duration.ofMillis(50))
                .until(check::holds);
    }

    private static long count(Connection db, String where) throws SQLException {
        return Long.parseLong(strings(db, "select count(*) from host_run where " + where).getFirst());
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
