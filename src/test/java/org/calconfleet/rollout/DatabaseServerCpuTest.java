package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.calconfleet.common.DatabaseKind;
import org.calconfleet.testdb.DatabaseTest;
import org.calconfleet.testdb.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The rollout benchmark's reading of a PostgreSQL server's CPU on this machine. */
@DatabaseTest
class DatabaseServerCpuTest {

    /** A query that keeps its backend on a core for a while and sends back one row. */
    private static final String BUSY = "select count(*) from generate_series(1, 3000000) g where g % 7 = 3";

    @Test
    void an_h2_database_has_no_server_to_read() {
        JdbcTemplate h2 = new JdbcTemplate(new SingleConnectionDataSource("jdbc:h2:mem:server-cpu", "sa", "", true));
        assertThat(DatabaseServerCpu.of(h2, new DatabaseKind(h2))).isEmpty();
    }

    @Test
    void counts_the_work_of_a_connection_alive_and_of_one_closed_since() throws SQLException {
        // the unit pass has no PostgreSQL; the PostgreSQL pass runs this, and CI fails that pass without a server
        assumeTrue(TestDatabase.onPostgres(), "PostgreSQL only");
        try (TestDatabase database = TestDatabase.createPostgres()) {
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.user(),
                    database.password()));
            DatabaseServerCpu server = DatabaseServerCpu.of(jdbc, new DatabaseKind(jdbc)).orElseThrow();
            long before = server.nanos();
            long alive;
            long closedBackend;
            long closed;
            try (Connection open = DriverManager.getConnection(database.url(), database.user(), database.password())) {
                long openBackend = DatabaseServerCpu.backend(open);
                long aliveBefore = cpu(openBackend);
                busy(open);
                alive = cpu(openBackend) - aliveBefore;
                try (Connection once = DriverManager.getConnection(database.url(), database.user(),
                        database.password())) {
                    closedBackend = DatabaseServerCpu.backend(once);
                    busy(once);
                    closed = cpu(closedBackend);
                }
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> ProcStat.process(closedBackend).isEmpty());
                long counted = server.nanos() - before;
                assertThat(alive).as("the open connection's backend worked").isPositive();
                assertThat(closed).as("the closed connection's backend worked").isPositive();
                assertThat(counted).as("what the server used: both backends' work, the closed one's included")
                        .isGreaterThanOrEqualTo(alive + closed);
            }
        }
    }

    private static void busy(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(BUSY)) {
            row.next();
        }
    }

    private static long cpu(long pid) {
        return ProcStat.process(pid).orElseThrow().ownNanos();
    }
}
