package org.calconfleet.siem;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The row of {@code audit_forwarding}: how far the trail was forwarded, and how forwarding fares. */
@Repository
class ForwardingCursor {

    private final JdbcClient jdbc;

    ForwardingCursor(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the row for the caller's transaction and answers the sequence number forwarded so far; empty while
     * another node holds it (that node is forwarding, so this one need not wait for it).
     */
    Optional<ForwardingStatus> claim() {
        return jdbc.sql("select * from audit_forwarding where id = 1 for update skip locked")
                .query(ForwardingCursor::read).optional();
    }

    ForwardingStatus status() {
        return jdbc.sql("select * from audit_forwarding where id = 1").query(ForwardingCursor::read).single();
    }

    void delivered(long seq, Instant at) {
        jdbc.sql("""
                        update audit_forwarding set forwarded_seq = :seq, forwarded_at = :at, failures = 0,
                               failing_since = null where id = 1""")
                .param("seq", seq).param("at", Timestamp.from(at)).update();
    }

    void failed(ForwardingFailure failure, String detail, Instant at) {
        jdbc.sql("""
                        update audit_forwarding set failures = failures + 1,
                               failing_since = coalesce(failing_since, :at), last_failure_at = :at,
                               last_failure = :failure, last_failure_detail = :detail where id = 1""")
                .param("at", Timestamp.from(at)).param("failure", failure.name())
                .param("detail", detail.length() > 1000 ? detail.substring(0, 1000) : detail).update();
    }

    private static ForwardingStatus read(ResultSet rs, int row) throws SQLException {
        String failure = rs.getString("last_failure");
        return new ForwardingStatus(rs.getLong("forwarded_seq"), instant(rs.getTimestamp("forwarded_at")),
                rs.getInt("failures"), instant(rs.getTimestamp("failing_since")),
                instant(rs.getTimestamp("last_failure_at")),
                failure == null ? null : ForwardingFailure.valueOf(failure), rs.getString("last_failure_detail"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
