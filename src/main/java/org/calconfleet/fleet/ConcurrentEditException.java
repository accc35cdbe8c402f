package org.calconfleet.fleet;

import java.time.Instant;
import java.util.List;

/** Someone else saved the server after it was opened for editing; nothing was overwritten. */
public class ConcurrentEditException extends RuntimeException {

    private final String changedBy;
    private final Instant changedAt;
    private final List<ServerValues.FieldChange> theirChanges;

    public ConcurrentEditException(String changedBy, Instant changedAt, List<ServerValues.FieldChange> theirChanges) {
        super(changedBy + " changed the server at " + changedAt + ": " + theirChanges);
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.theirChanges = List.copyOf(theirChanges);
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public List<ServerValues.FieldChange> theirChanges() {
        return theirChanges;
    }
}
