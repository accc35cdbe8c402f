package org.calconfleet.rollout;

/** The host run moved on elsewhere (another execution of it, after a revival); this execution stops. */
class StaleHostRunException extends RuntimeException {

    StaleHostRunException(long runId, String why) {
        super("host run " + runId + ": " + why + "; this execution stops");
    }
}
