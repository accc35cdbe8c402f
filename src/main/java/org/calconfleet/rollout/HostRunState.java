package org.calconfleet.rollout;

import java.util.Locale;

/** Where one host of a rollout stands. */
public enum HostRunState {
    /** Waiting for its wave and a free slot. */
    PENDING,
    /** Admitted: its steps run (or wait for a retry). */
    RUNNING,
    /** Exchange side done; the Domino commands wait for an operator to confirm them (runbook). */
    AWAITING_CONFIRMATION,
    DONE,
    /** Already at the desired state: nothing was touched. */
    NO_CHANGE,
    /** Not run: blocked at plan time, or the rollout halted or its window closed before the host's turn. */
    SKIPPED,
    /** Failed before anything was changed on the host. */
    FAILED,
    /** Failed after the write; the previous values were put back and proven. */
    ROLLED_BACK,
    /** The host may be in neither the old nor the new state: an operator must look. */
    NEEDS_ATTENTION,
    /** Cancelled before its write. */
    CANCELLED;

    public boolean isFinished() {
        return this != PENDING && this != RUNNING && this != AWAITING_CONFIRMATION;
    }

    /** Counts against the failure threshold (and halts after a canary). */
    public boolean isFailure() {
        return this == FAILED || this == ROLLED_BACK || this == NEEDS_ATTENTION;
    }

    public String messageKey() {
        return "rollout.host-state." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
