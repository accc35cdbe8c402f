package org.calconfleet.rollout.api;

import org.jspecify.annotations.Nullable;

/** An approver's comment (required to reject), or the reason for a cancellation. */
record DecisionBody(@Nullable String comment) {

    String text() {
        return comment == null ? "" : comment;
    }
}
