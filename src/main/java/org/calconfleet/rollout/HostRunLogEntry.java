package org.calconfleet.rollout;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of a host run's log; outcome and message are stored messages, rendered by whoever shows them. */
public record HostRunLogEntry(Instant at, Step step, String outcome, @Nullable String message,
                              @Nullable String evidence) {

    static HostRunLogEntry of(HostRunLog log) {
        return new HostRunLogEntry(log.getAt(), log.getStep(), log.getOutcome(), log.getMessage(), log.getEvidence());
    }
}
