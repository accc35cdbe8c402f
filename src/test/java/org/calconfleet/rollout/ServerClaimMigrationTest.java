package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The upgrade that moved a server's claim out of {@code host_run} into {@code server_claim} keeps the claims of the
 * rollouts in flight, and the database still refuses a second claim of a server.
 */
class ServerClaimMigrationTest {

    @Test
    void a_claim_in_flight_at_the_upgrade_is_kept_and_a_server_cannot_be_claimed_twice() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:server-claim-migration;DB_CLOSE_DELAY=-1");
        database.setUser("sa");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target("34").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.update("""
                insert into change_request (id, reason, state, requested_by, requested_at, schedule_kind, canary_size,
                  wave_size, concurrency, failure_threshold, host_count, cancel_requested, halted, current_wave,
                  version)
                values (7, 'pin', 'RUNNING', 'oscar', current_timestamp, 'NOW', 0, 10, 5, 0, 2, false, false, 0, 0)""");
        jdbc.update("""
                insert into host_run (id, change_request_id, server_id, host_name, wave, seq, target_port, state, step,
                  phase, attempt, needs_write, restarted, verification, updated_at, version, active_server_id)
                values (70, 7, 700, 'EXC-700', 0, 0, 45001, 'RUNNING', 'WRITE', 'NONE', 0, true, false, 'NONE',
                  current_timestamp, 0, 700),
                  (71, 7, 701, 'EXC-701', 0, 1, 45001, 'DONE', 'FINISHED', 'NONE', 0, true, false, 'NONE',
                  current_timestamp, 0, null)""");

        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();

        assertThat(jdbc.queryForList("select server_id, host_run_id, change_request_id from server_claim"))
                .containsExactly(Map.of("SERVER_ID", 700L, "HOST_RUN_ID", 70L, "CHANGE_REQUEST_ID", 7L));
        assertThat(jdbc.queryForList("select column_name from information_schema.columns"
                + " where table_name = 'HOST_RUN' and column_name = 'ACTIVE_SERVER_ID'", String.class)).isEmpty();
        assertThatThrownBy(() -> jdbc.update("insert into server_claim (server_id, host_run_id, change_request_id)"
                + " values (700, 71, 7)")).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(List.of(jdbc.update("insert into server_claim (server_id, host_run_id, change_request_id)"
                + " values (701, 71, 7)"))).containsExactly(1);
    }
}
