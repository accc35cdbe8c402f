package org.calconfleet.policy;

import java.time.Instant;

/**
 * Thrown when an edit was based on a version of the policy that someone else has changed since: saving it would
 * silently undo their change. Names who changed it and when, so the editor can find out why.
 */
public class StalePolicyException extends RuntimeException {

    public static final String MESSAGE_KEY = "policy.stale";

    private final long expectedVersion;
    private final long currentVersion;
    private final String changedBy;
    private final Instant changedAt;

    public StalePolicyException(long expectedVersion, long currentVersion, String changedBy, Instant changedAt) {
        super("the port policy was changed by " + changedBy + " at " + changedAt + " (version " + currentVersion
                + ", the edit was based on version " + expectedVersion + ")");
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    /** Arguments: who changed the policy, when (an {@link Instant} the caller formats for the reader's locale). */
    public String messageKey() {
        return MESSAGE_KEY;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
