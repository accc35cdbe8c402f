package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.calconfleet.change.ChangeDraft;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The moment a step began reads back from the database as the runner held it, on PostgreSQL too (which keeps
 * microseconds and rounds the rest): a node that resumes a DOMINO step after its runner's node died names the
 * Domino agent's request by that moment, and a different name would have the agent reload EXCALCON a second time.
 */
class HostRunMomentTest extends RolloutTestBase {

    @Autowired
    HostRunRepository runs;

    @Autowired
    HostRunWrites writes;

    @Test
    void the_moment_a_step_began_reads_back_to_the_millisecond_the_runner_named_its_request_by() {
        List<Long> ids = servers("PHM", 1, 45001);
        long change = submit(ChangeDraft.now(ids, 45002, "moment", "CHG-MOMENT", ChangeDraft.Waves.DEFAULT)).id();
        HostRun run = runs.findByChangeRequestIdOrderBySeq(change).getFirst();
        // 999.7 microseconds into a millisecond: rounded to microseconds, the next millisecond
        run.enter(Step.DOMINO, Phase.STARTED, Instant.parse("2026-12-07T06:00:00.123999700Z"));
        run.touch(Instant.now());

        writes.update(run);

        HostRun readBack = runs.findById(run.id()).orElseThrow();
        assertThat(readBack.getPhaseAt()).isEqualTo(run.getPhaseAt());
        assertThat(readBack.getPhaseAt().toEpochMilli()).isEqualTo(Instant.parse("2026-12-07T06:00:00.123Z")
                .toEpochMilli());
    }
}
