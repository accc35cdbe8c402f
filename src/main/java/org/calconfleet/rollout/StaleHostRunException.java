package org.calconfleet.rollout;

/** The host run moved on elsewhere (another execution of it, after a revival); this execution stops. */
class StaleHostRunException extends RuntimeException {

    StaleHostRunException(long runId, long expected, long found) {
        super("host run " + runId + " is at version " + found + ", this execution expected " + expected);
    }
}
