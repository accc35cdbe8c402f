package org.calconfleet.rollout.api;

import org.jspecify.annotations.Nullable;

/** An approver's comment (required to reject), the reason for a cancellation, or a note to a Domino confirmation. */
record DecisionBody(@Nullable String comment) {

    String text() {
        return comment == null ? "" : comment;
    }
}
