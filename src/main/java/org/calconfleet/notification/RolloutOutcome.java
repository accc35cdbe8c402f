package org.calconfleet.notification;

import java.util.Locale;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;

/** What a notice says happened; a host that needs attention outweighs failures, which outweigh a cancel. */
enum RolloutOutcome {
    FINISHED, FAILED, NEEDS_ATTENTION, CANCELLED;

    static RolloutOutcome of(ChangeSummary rollout) {
        if (rollout.counts().needsAttention() > 0) {
            return NEEDS_ATTENTION;
        }
        if (rollout.state() == ChangeState.FAILED || rollout.counts().failed() + rollout.counts().rolledBack() > 0) {
            return FAILED;
        }
        return rollout.state() == ChangeState.CANCELLED ? CANCELLED : FINISHED;
    }

    String subjectKey() {
        return "mail.subject." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
