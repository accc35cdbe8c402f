package org.calconfleet.rollout;

import java.util.Locale;

/** The steps of a host run, in order; ROLLBACK replaces the rest after a failure past the write. */
public enum Step {
    PRECHECK, WRITE, RESTART, VERIFY, DOMINO, ROLLBACK, FINISHED;

    public String messageKey() {
        return "rollout.step." + name().toLowerCase(Locale.ROOT);
    }
}
