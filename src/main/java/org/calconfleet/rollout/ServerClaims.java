package org.calconfleet.rollout;

import java.util.List;
import org.calconfleet.change.ChangeExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which rollout may act on a server: one narrow row per claimed server, from the approval until the host's run ends,
 * whose primary key keeps a server in at most one active rollout (a second claim fails the caller's transaction with
 * a data integrity violation). In the caller's transaction.
 */
@Component
class ServerClaims {

    private final JdbcClient jdbc;

    ServerClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the servers of a change's waiting runs, in one statement; how many. */
    int claimPending(long changeId) {
        return jdbc.sql("""
                insert into server_claim (server_id, host_run_id, change_request_id)
                select server_id, id, change_request_id from host_run
                where change_request_id = :change and state = 'PENDING'""")
                .param("change", changeId)
                .update();
    }

    /** Lets go of the server of a run that has ended. */
    void release(long runId) {
        jdbc.sql("delete from server_claim where host_run_id = :run").param("run", runId).update();
    }

    /** Lets go of the servers of a change's waiting runs, which are about to end without starting. */
    void releasePending(long changeId) {
        jdbc.sql("""
                delete from server_claim where change_request_id = :change and host_run_id in
                  (select id from host_run where change_request_id = :change and state = 'PENDING')""")
                .param("change", changeId)
                .update();
    }

    /** Every claimed server with its change. */
    List<ChangeExecution.ActiveChange> all() {
        return jdbc.sql("select server_id, change_request_id from server_claim")
                .query((rs, row) -> new ChangeExecution.ActiveChange(rs.getLong(1), rs.getLong(2)))
                .list();
    }
}
