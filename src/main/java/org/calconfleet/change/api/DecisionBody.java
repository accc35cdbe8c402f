package org.calconfleet.change.api;

import org.jspecify.annotations.Nullable;

/** An approver's comment (required to reject), the reason for a cancellation, or a note to a Domino confirmation. */
public record DecisionBody(@Nullable String comment) {

    public String text() {
        return comment == null ? "" : comment;
    }

    /** The text of a body that may be absent. */
    public static String text(@Nullable DecisionBody body) {
        return body == null ? "" : body.text();
    }
}
