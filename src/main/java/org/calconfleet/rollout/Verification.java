package org.calconfleet.rollout;

import java.util.Locale;

/** What proves a host took the change. */
public enum Verification {
    /** Not verified (yet). */
    NONE,
    /** Event 6001 with the new port, newer than the restart. */
    VERIFIED,
    /** Logging below High: 6001 is never written, so the change cannot be proven. Not a failure, but marked. */
    UNVERIFIABLE;

    public String messageKey() {
        return "rollout.verification." + name().toLowerCase(Locale.ROOT);
    }
}
