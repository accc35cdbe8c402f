package org.calconfleet.port;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a value object is built from input that its rules refuse; carries the typed reasons. */
public final class RefusedException extends IllegalArgumentException {

    private final List<Refusal> refusals;

    public RefusedException(List<? extends Refusal> refusals) {
        super(refusals.stream()
                .map(refusal -> refusal.messageKey() + " " + refusal.arguments())
                .collect(Collectors.joining("; ")));
        this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
        return refusals;
    }
}
