package org.calconfleet.common;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the console's database is, asked once at start-up: an embedded H2, which belongs to this console alone, or a
 * server that several console nodes can share; and whether its commits reach the disk later than they return (an H2
 * file with a {@code WRITE_DELAY} above 0, H2's default being 500 ms). Such a database is made to write at once with
 * {@code CHECKPOINT}, which H2 runs only for an admin user, so a user without admin rights is refused here with the
 * way out rather than on the first rollout step.
 */
@Component
public class DatabaseKind {

    private final boolean h2;
    private final boolean writesBehind;

    public DatabaseKind(JdbcTemplate jdbc) {
        Facts facts = jdbc.execute((ConnectionCallback<Facts>) DatabaseKind::facts);
        this.h2 = facts != null && facts.h2();
        this.writesBehind = facts != null && facts.writesBehind();
    }

    /** An embedded H2: one console's own, never shared with another node. */
    public boolean h2() {
        return h2;
    }

    /** Whether commits reach the database's file later than they return, so that a checkpoint makes them durable. */
    public boolean writesBehind() {
        return writesBehind;
    }

    private record Facts(boolean h2, boolean writesBehind) {
    }

    private static Facts facts(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        if (!"H2".equals(meta.getDatabaseProductName())) {
            return new Facts(false, false);
        }
        if (meta.getURL().startsWith("jdbc:h2:mem:")) {
            return new Facts(true, false);
        }
        int writeDelay;
        try (Statement statement = connection.createStatement();
                ResultSet delay = statement.executeQuery(
                        "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")) {
            writeDelay = delay.next() ? Integer.parseInt(delay.getString(1).strip()) : 0;
        }
        if (writeDelay > 0 && !admin(connection)) {
            throw new IllegalStateException("the H2 user " + meta.getUserName() + " has no admin rights, which the "
                    + "console needs on a database that writes behind (WRITE_DELAY " + writeDelay + " ms): it runs "
                    + "CHECKPOINT to have each rollout step on disk before it acts on a host. Connect as an admin "
                    + "user, or have an admin run SET WRITE_DELAY 0 (every commit written at once, more CPU per step)");
        }
        return new Facts(true, writeDelay > 0);
    }

    private static boolean admin(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet user = statement.executeQuery(
                        "select is_admin from information_schema.users where user_name = current_user")) {
            return user.next() && user.getBoolean(1);
        }
    }
}
