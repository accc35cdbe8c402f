package org.calconfleet.rollout;

import org.jspecify.annotations.Nullable;

/** The outcome of one step on one host: a line of the host run's log and an audit entry. */
record StepOutcome(Step step, String outcome, String message, @Nullable String before, @Nullable String after,
                   @Nullable String evidence) {

    static StepOutcome of(Step step, String outcome, String message) {
        return new StepOutcome(step, outcome, message, null, null, null);
    }

    StepOutcome change(@Nullable String before, @Nullable String after) {
        return new StepOutcome(step, outcome, message, before, after, evidence);
    }

    StepOutcome evidence(@Nullable String text) {
        return new StepOutcome(step, outcome, message, before, after, text);
    }
}
