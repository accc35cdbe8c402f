package org.calconfleet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.calconfleet.testdb.DatabaseTest;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.calconfleet.testdb.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The verification's read of the whole chain: every entry in sequence order, streamed (on H2, lazily, and only for
 * that read: the pooled connection gets its usual setting back).
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class ChainReaderTest {

    @Autowired
    AuditTrail audit;

    @Autowired
    ChainReader chain;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void the_read_offers_every_entry_in_sequence_order_and_on_h2_streams_it_lazily_for_that_read_only() {
        for (int i = 0; i < 3; i++) {
            audit.record(AuditEvent.of("reader", AuditAction.SERVER_UPDATED, AuditSubject.server("READ-" + i)));
        }
        long last = jdbc.queryForObject("select max(seq) from audit_entry", Long.class);
        List<Long> seen = new ArrayList<>();
        List<Boolean> lazyDuringTheRead = new ArrayList<>();
        transactions.executeWithoutResult(status -> chain.read(entry -> {
            seen.add(entry.getSeq());
            if (lazyDuringTheRead.isEmpty() && !TestDatabase.onPostgres()) {
                lazyDuringTheRead.add(lazy());
            }
            return true;
        }));

        assertThat(seen).isSorted().doesNotHaveDuplicates().endsWith(last - 2, last - 1, last);
        assertThat(seen.getFirst()).isEqualTo(1L);
        if (!TestDatabase.onPostgres()) {
            assertThat(lazyDuringTheRead).containsExactly(true);
            Boolean lazyAfterTheRead = transactions.execute(status -> lazy());
            assertThat(lazyAfterTheRead).isFalse();
        }
    }

    /** Whether H2 computes the queries of the current transaction's session lazily. */
    private boolean lazy() {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).isLazyQueryExecution()));
    }

    @Test
    void an_entry_is_keyed_by_its_sequence_number() {
        assertThat(jdbc.queryForList("select column_name from information_schema.key_column_usage"
                + " where lower(table_name) = 'audit_entry' and lower(constraint_name) = 'pk_audit_entry'",
                String.class)).map(String::toLowerCase).containsExactly("seq");
    }
}
