package org.calconfleet.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;

/**
 * Reads the whole chain for its verification in one forward-only query over the hashed columns, streamed with a
 * large fetch size: no entity is managed and no row is kept, so memory stays flat however long the chain is.
 * Runs on the caller's transaction (PostgreSQL streams only inside one).
 */
@Component
class ChainReader {

    static final int FETCH_SIZE = 10_000;
    private static final String CHAIN = "select seq, occurred_at, actor, action, subject, before_value, after_value, "
            + "reason, prev_hash, hash from audit_entry order by seq";

    private final JdbcTemplate jdbc;

    ChainReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Offers the entries to {@code each} in sequence order until it answers false or the chain ends. */
    void read(Predicate<AuditEntry> each) {
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(CHAIN, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH_SIZE);
            return statement;
        }, (ResultSetExtractor<Void>) rows -> {
            boolean more = true;
            while (more && rows.next()) {
                more = each.test(entry(rows));
            }
            return null;
        });
    }

    private static AuditEntry entry(ResultSet row) throws SQLException {
        return new AuditEntry(row.getLong(1), row.getObject(2, OffsetDateTime.class).toInstant(), row.getString(3),
                AuditAction.valueOf(row.getString(4)), row.getString(5), row.getString(6), row.getString(7),
                row.getString(8), row.getString(9), row.getString(10));
    }
}
