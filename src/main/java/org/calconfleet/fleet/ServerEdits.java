package org.calconfleet.fleet;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The values of a server as each edit left them, by the version the edit gave it: what a client saw when it read a
 * version, so that a save that comes too late can say what others changed since.
 */
@Component
class ServerEdits {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    ServerEdits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long serverId, long version, ServerValues values, Instant at, String by) {
        jdbc.sql("insert into server_edit (server_id, version, edited_at, edited_by, server_values)"
                        + " values (?, ?, ?, ?, ?)")
                .params(serverId, version, Timestamp.from(at), by, json.writeValueAsString(values))
                .update();
    }

    /** The values a reader of {@code version} saw; empty for a server last edited before edits were kept. */
    Optional<ServerValues> asOf(long serverId, long version) {
        return jdbc.sql("select server_values from server_edit where server_id = ? and version <= ?"
                        + " order by version desc fetch first 1 rows only")
                .params(serverId, version)
                .query(String.class).optional()
                .map(text -> json.readValue(text, ServerValues.class));
    }
}
