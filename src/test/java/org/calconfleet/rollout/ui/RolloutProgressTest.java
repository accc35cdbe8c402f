package org.calconfleet.rollout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.calconfleet.KaribuSpringTest;
import org.calconfleet.access.Role;
import org.calconfleet.change.RolloutCounts;
import org.junit.jupiter.api.Test;

class RolloutProgressTest extends KaribuSpringTest {

    private static RolloutCounts counts(int pending, int running, int awaitingConfirmation, int done) {
        return new RolloutCounts(pending + running + awaitingConfirmation + done, pending, running,
                awaitingConfirmation, done, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void a_rollout_waiting_only_for_domino_confirmation_shows_a_full_bar_that_says_so() {
        signIn("helpdesk", Role.HELPDESK);

        RolloutProgress progress = new RolloutProgress(counts(0, 0, 3, 1));

        assertThat(progress.value()).isEqualTo(1.0);
        assertThat(progress.label()).isEqualTo("Waiting for Domino confirmation (3 to confirm)");
    }

    @Test
    void a_rollout_with_hosts_still_to_run_shows_the_finished_share_and_no_label() {
        signIn("helpdesk", Role.HELPDESK);

        RolloutProgress progress = new RolloutProgress(counts(2, 1, 1, 4));

        assertThat(progress.value()).isEqualTo(0.5);
        assertThat(progress.label()).isEmpty();

        progress.show(counts(0, 0, 2, 6));
        assertThat(progress.value()).isEqualTo(1.0);
        assertThat(progress.label()).isEqualTo("Waiting for Domino confirmation (2 to confirm)");
    }
}
