package org.calconfleet.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.function.Predicate;
import org.calconfleet.common.DatabaseKind;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the whole chain for its verification in one forward-only query over the hashed columns, in the order of the
 * table's primary key, streamed (a large fetch size; on H2, lazy execution): no entity is managed and no row is kept,
 * so memory stays flat however long the chain is.
 * Runs on the caller's transaction (PostgreSQL streams only inside one).
 */
@Component
class ChainReader {

    static final int FETCH_SIZE = 10_000;
    static final String CHAIN = "select seq, occurred_at, actor, action, subject, before_value, after_value, "
            + "reason, prev_hash, hash from audit_entry order by seq";

    private final JdbcTemplate jdbc;
    private final DatabaseKind database;

    ChainReader(JdbcTemplate jdbc, DatabaseKind database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /** Offers the entries to {@code each} in sequence order until it answers false or the chain ends. */
    void read(Predicate<AuditEntry> each) {
        query(CHAIN, rows -> {
            boolean more = true;
            while (more && rows.next()) {
                more = each.test(entry(rows));
            }
        });
    }

    /** Runs one query of the chain's size, streamed as {@link #read} streams it, and hands its rows over. */
    void query(String sql, RowsHandler rowsHandler) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            boolean h2 = database.h2();
            if (h2) {
                lazy(connection, true);
            }
            try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = statement.executeQuery()) {
                    rowsHandler.handle(rows);
                }
            } finally {
                if (h2) {
                    lazy(connection, false);
                }
            }
            return null;
        });
    }

    /** Takes a query's rows, forward only. */
    @FunctionalInterface
    interface RowsHandler {
        void handle(ResultSet rows) throws SQLException;
    }

    /**
     * H2 computes a query's whole result before handing out its first row, and a result this large goes to a
     * temporary file on the way; lazily, the rows come straight from the table (the walk took about 40 % less). Only
     * for this read: the pool's connection gets its usual setting back.
     */
    private static void lazy(Connection connection, boolean on) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set lazy_query_execution " + on);
        }
    }

    private static AuditEntry entry(ResultSet row) throws SQLException {
        return new AuditEntry(row.getLong(1), row.getObject(2, OffsetDateTime.class).toInstant(), row.getString(3),
                AuditAction.valueOf(row.getString(4)), row.getString(5), row.getString(6), row.getString(7),
                row.getString(8), row.getString(9), row.getString(10));
    }
}
