package org.calconfleet.window;

import java.time.Instant;

/** No host starts from {@code from} (inclusive) to {@code until} (exclusive). */
public record Freeze(Instant from, Instant until) {

    public Freeze {
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("a freeze ends after it starts");
        }
    }

    boolean holds(Instant at) {
        return !at.isBefore(from) && at.isBefore(until);
    }
}
