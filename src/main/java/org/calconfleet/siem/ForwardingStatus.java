package org.calconfleet.siem;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How far the trail was forwarded and how forwarding fares. {@code failures} counts the passes that failed since the
 * last delivery, {@code failingSince} is when the first of them failed; the last failure stays for the record.
 */
record ForwardingStatus(long forwardedSeq, @Nullable Instant forwardedAt, int failures,
                        @Nullable Instant failingSince, @Nullable Instant lastFailureAt,
                        @Nullable ForwardingFailure lastFailure, @Nullable String lastFailureDetail) {

    boolean failing() {
        return failures > 0;
    }
}
