package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangeState;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.simulated.RegistryValue;
import org.calconfleet.host.simulated.SimulatedWindowsHost;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A host run resumed past the write (its console died, or its execution was revived) reads the port values again
 * before it restarts or verifies: the host that holds them goes on and is neither written nor restarted again; one
 * that no longer holds them is rolled back, not restarted on the run's word or called done unverified.
 */
class HostRunResumeTest extends RolloutTestBase {

    static final int FROM = 45001;
    static final int TO = 45061;

    @Autowired
    HostRunExecutor executor;

    @Test
    void a_resumed_verification_of_a_host_that_lost_the_written_values_rolls_it_back_instead_of_calling_it_done() {
        long id = servers("RSV", 1, FROM).getFirst();
        SimulatedWindowsHost host = host(id);
        host.setDiagnosticLevel(DiagnosticLevel.MEDIUM);
        long run = rollOutThenResumeAt(id, "VERIFY", "STARTED");
        lose(host);

        executor.run(run);

        assertThat(state(run)).isEqualTo("ROLLED_BACK");
        assertThat(english(failureReason(run)))
                .contains("no longer holds the written values: REG_DWORD 45001 / REG_DWORD 45001 instead of 45061");
        assertThat(host.calConWrites()).as("not written again").isEqualTo(1);
    }

    @Test
    void a_resumed_restart_of_a_host_that_lost_the_written_values_rolls_it_back_without_restarting_it_first() {
        long id = servers("RSR", 1, FROM).getFirst();
        SimulatedWindowsHost host = host(id);
        long run = rollOutThenResumeAt(id, "RESTART", "STOPPING");
        lose(host);
        int stops = host.stopRequests();

        executor.run(run);

        assertThat(state(run)).isEqualTo("ROLLED_BACK");
        assertThat(english(failureReason(run))).contains("no longer holds the written values");
        assertThat(host.stopRequests()).as("only the rollback's restart").isEqualTo(stops + 1);
        assertThat(host.calConWrites()).isEqualTo(1);
    }

    @Test
    void a_resumed_verification_of_a_host_that_holds_the_values_ends_done_without_touching_it_again() {
        long id = servers("RSD", 1, FROM).getFirst();
        SimulatedWindowsHost host = host(id);
        long run = rollOutThenResumeAt(id, "VERIFY", "STARTED");

        executor.run(run);

        assertThat(state(run)).isEqualTo("DONE");
        assertThat(host.calConWrites()).isEqualTo(1);
        assertThat(host.stopRequests()).isEqualTo(1);
        assertThat(host.startAttempts()).isEqualTo(1);
    }

    /** Rolls the server out to {@value #TO}, then puts its finished run back at a step, as a dead console left it. */
    private long rollOutThenResumeAt(long serverId, String step, String phase) {
        long change = submit(ChangeDraft.now(List.of(serverId), TO, "resume", null,
                new ChangeDraft.Waves(0, 5, 1, 0))).id();
        approve(change);
        assertThat(awaitFinished(change).state()).isEqualTo(ChangeState.DONE);
        long run = jdbc.queryForObject("select id from host_run where change_request_id = ?", Long.class, change);
        jdbc.update("update host_run set state = 'RUNNING', step = ?, phase = ?, lease_until = null where id = ?",
                step, phase, run);
        return run;
    }

    /** The host no longer holds the written values (restored from a backup, changed by hand). */
    private static void lose(SimulatedWindowsHost host) {
        host.putRegistryValue(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE,
                RegistryValue.dword(FROM));
        host.putRegistryValue(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE,
                RegistryValue.dword(FROM));
    }

    private String state(long run) {
        return jdbc.queryForObject("select state from host_run where id = ?", String.class, run);
    }

    private String failureReason(long run) {
        return jdbc.queryForObject("select failure_reason from host_run where id = ?", String.class, run);
    }
}
