package org.calconfleet.policy;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a policy edit breaks a rule; carries every typed reason, not just the first. */
public class PolicyRefusedException extends RuntimeException {

    private final List<PolicyRefusal> refusals;

    public PolicyRefusedException(List<PolicyRefusal> refusals) {
        super(refusals.stream()
                .map(refusal -> refusal.field().auditName() + ": " + refusal.messageKey() + " " + refusal.arguments())
                .collect(Collectors.joining("; ")));
        if (refusals.isEmpty()) {
            throw new IllegalArgumentException("a refused policy edit needs at least one reason");
        }
        this.refusals = List.copyOf(refusals);
    }

    public List<PolicyRefusal> refusals() {
        return refusals;
    }
}
