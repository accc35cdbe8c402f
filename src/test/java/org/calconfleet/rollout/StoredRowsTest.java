package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.fleet.ExchangeServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine reads a host run ({@link HostRunWrites#read}) and its server ({@code FleetObservations.server}) in plain
 * SQL, each column into the field of the same name: every field must come back as the ORM reads it, on PostgreSQL too.
 * A column named otherwise than its field, or a type the plain read converts differently, fails here, not in a rollout.
 * Every column is given a value first, so that a field the plain read leaves unset cannot pass as an unset one.
 */
class StoredRowsTest extends RolloutTestBase {

    private static final OffsetDateTime MOMENT = OffsetDateTime.parse("2026-12-07T06:00:00.123456Z");

    @Autowired
    HostRunWrites writes;

    @Autowired
    EntityManager entities;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void a_host_run_reads_in_plain_sql_as_the_orm_reads_it() {
        List<Long> ids = servers("PSR", 1, 45101);
        long change = submit(ChangeDraft.now(ids, 45102, "rows", "CHG-ROWS", ChangeDraft.Waves.DEFAULT)).id();
        long runId = jdbc.queryForObject("select id from host_run where change_request_id = ?", Long.class, change);
        jdbc.update("""
                update host_run set wave = 2, seq = 3, step = 'VERIFY', phase = 'VERIFYING', phase_at = ?, attempt = 4,
                  previous_exchange = '1024', previous_notes = '1025', service_before = 'RUNNING',
                  diagnostics_high = true, needs_write = true, restarted = true, restart_at = ?,
                  verification = 'VERIFIED', evidence_source = 'MSExchange Calendar Connector', evidence_event_id = 6001,
                  evidence_at = ?, evidence_text = 'port 45102', failure_reason = 'none', domino_commands = 'tell',
                  domino_confirmed_by = 'olivia', domino_confirmed_at = ?, started_at = ?, updated_at = ?,
                  finished_at = ?, version = 7
                where id = ?""", MOMENT, MOMENT.plusSeconds(1), MOMENT.plusSeconds(2), MOMENT.plusSeconds(3),
                MOMENT.plusSeconds(4), MOMENT.plusSeconds(5), MOMENT.plusSeconds(6), runId);

        assertSameFields(HostRun.class, viaOrm(HostRun.class, runId), writes.read(runId).orElseThrow());
    }

    @Test
    void a_server_reads_in_plain_sql_as_the_orm_reads_it() {
        long id = servers("PSS", 1, 45103).getFirst();
        for (String credential : List.of("rows-ops", "rows-notes")) {
            // only named by the server: never opened, so nothing is sealed in it
            jdbc.update("insert into credential (name, kind, key_id, nonce, ciphertext, created_by, created_at, version)"
                    + " values (?, 'WINDOWS', 'none', 'none', 'none', 'test', ?, 0)", credential, MOMENT);
        }
        jdbc.update("""
                update exchange_server set ip_address = '192.0.2.7', domino_address = 'domino.example',
                  connector_kind = 'NOVELL_GROUPWISE', domino_server = 'CN=Domino', calendar_system = 'Notes 8',
                  backend_kind = 'AGENT', backend_address = 'https://agent.example:8443', credential_name = 'rows-ops',
                  domino_agent_address = 'https://domino-agent.example', domino_credential_name = 'rows-notes',
                  domino_debug_flag = 0, desired_port = 45104, service_state = 'STOPPED', last_evidence_at = ?,
                  last_evidence_text = 'event 6001', diagnostics_high = false, notes = 'rack 4', updated_at = ?,
                  updated_by = 'admin', version = 9
                where id = ?""", MOMENT, MOMENT.plusSeconds(1), id);

        assertSameFields(ExchangeServer.class, viaOrm(ExchangeServer.class, id), observations.server(id).orElseThrow());
    }

    private <T> T viaOrm(Class<T> type, long id) {
        return new TransactionTemplate(transactions).execute(s -> {
            T entity = entities.find(type, id);
            entities.detach(entity);
            return entity;
        });
    }

    private static <T> void assertSameFields(Class<T> type, T expected, T actual) {
        List<String> compared = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            try {
                assertThat(field.get(expected)).as("%s.%s as the ORM reads it", type.getSimpleName(), field.getName())
                        .isNotNull();
                assertThat(field.get(actual)).as("%s.%s in plain SQL", type.getSimpleName(), field.getName())
                        .isEqualTo(field.get(expected));
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
            compared.add(field.getName());
        }
        assertThat(compared).hasSizeGreaterThan(20);
    }
}
