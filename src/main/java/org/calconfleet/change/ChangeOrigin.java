package org.calconfleet.change;

import java.util.Optional;
import org.calconfleet.i18n.StoredMessage;
import org.jspecify.annotations.Nullable;

/**
 * What a change request follows from: nothing (a change of its own), the rollout it rolls back, or the rollout whose
 * failed, rolled-back and needs-attention hosts it retries.
 */
public record ChangeOrigin(@Nullable Long rollbackOf, @Nullable Long retryOf) {

    public static final ChangeOrigin NONE = new ChangeOrigin(null, null);

    public static ChangeOrigin rollingBack(long changeId) {
        return new ChangeOrigin(changeId, null);
    }

    public static ChangeOrigin retrying(long changeId) {
        return new ChangeOrigin(null, changeId);
    }

    /** How the request's audit entry names its origin; empty for a change of its own. */
    Optional<StoredMessage> auditNote() {
        if (rollbackOf != null) {
            return Optional.of(StoredMessage.of("rollout.audit.rollback-of", StoredMessage.port(rollbackOf)));
        }
        return retryOf == null ? Optional.empty()
                : Optional.of(StoredMessage.of("rollout.audit.retry-of", StoredMessage.port(retryOf)));
    }
}
