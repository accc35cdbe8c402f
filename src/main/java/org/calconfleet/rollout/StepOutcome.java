package org.calconfleet.rollout;

import org.calconfleet.i18n.StoredMessage;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one step on one host: a line of the host run's log and an audit entry. Outcome, message and the
 * values before and after are stored messages; the evidence is the host's event text as it wrote it.
 */
record StepOutcome(Step step, StoredMessage outcome, StoredMessage message, @Nullable StoredMessage before,
                   @Nullable StoredMessage after, @Nullable String evidence) {

    static StepOutcome of(Step step, StoredMessage outcome, StoredMessage message) {
        return new StepOutcome(step, outcome, message, null, null, null);
    }

    StepOutcome change(@Nullable StoredMessage before, @Nullable StoredMessage after) {
        return new StepOutcome(step, outcome, message, before, after, evidence);
    }

    StepOutcome evidence(@Nullable String text) {
        return new StepOutcome(step, outcome, message, before, after, text);
    }
}
