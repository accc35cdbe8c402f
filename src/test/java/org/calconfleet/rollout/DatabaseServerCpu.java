package org.calconfleet.rollout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.stream.Stream;
import org.calconfleet.common.DatabaseKind;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The CPU a PostgreSQL server on this machine has used, from Linux's {@code /proc}: its postmaster's own, that of
 * its children which ended (the backends of closed connections), and that of those alive (the backends, the WAL
 * writer, the checkpointer). A console's process CPU leaves the server out, yet on one machine the two take turns on
 * the same cores; a rollout over PostgreSQL is bounded by both together.
 */
record DatabaseServerCpu(long postmaster) {

    private static final Path PROC = Path.of("/proc");

    /**
     * The server behind {@code jdbc}, found as the parent of the connection's backend process; empty when the
     * database is an embedded H2 or its server runs elsewhere (no such process here, or one of another name).
     */
    static Optional<DatabaseServerCpu> of(JdbcTemplate jdbc, DatabaseKind database) {
        if (database.h2()) {
            return Optional.empty();
        }
        // the backend is read while its connection is open: the backend of a closed connection exits at once
        ConnectionCallback<Optional<DatabaseServerCpu>> find = connection -> postgres(backend(connection))
                .flatMap(backend -> postgres(backend.parent()).map(server -> new DatabaseServerCpu(backend.parent())));
        return jdbc.execute(find);
    }

    /** The process id of the server's backend that serves {@code connection}. */
    static long backend(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select pg_backend_pid()")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Optional<ProcStat> postgres(long pid) {
        return ProcStat.process(pid).filter(stat -> stat.name().startsWith("postgres"));
    }

    /** The server's CPU so far, in nanoseconds. */
    long nanos() {
        long total = ProcStat.process(postmaster)
                .map(stat -> stat.ownNanos() + stat.endedChildrenNanos())
                .orElseThrow(() -> new IllegalStateException("the PostgreSQL server " + postmaster + " has ended"));
        try (Stream<Path> processes = Files.list(PROC)) {
            return total + processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .map(p -> ProcStat.read(p.resolve("stat")))
                    .flatMap(Optional::stream)
                    .filter(stat -> stat.parent() == postmaster)
                    .mapToLong(ProcStat::ownNanos)
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
