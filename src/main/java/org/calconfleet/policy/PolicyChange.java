package org.calconfleet.policy;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One setting that an edit changes, with its value before and after as text (technical, not translated). */
public record PolicyChange(PolicyField field, String before, String after) {

    static final String NONE = "(none)";

    /** "allowedRanges=45000-45999; approvalRequired=true": the audit trail's "before" text of these changes. */
    public static String describeBefore(List<PolicyChange> changes) {
        return describe(changes, PolicyChange::before);
    }

    public static String describeAfter(List<PolicyChange> changes) {
        return describe(changes, PolicyChange::after);
    }

    private static String describe(List<PolicyChange> changes, Function<PolicyChange, String> value) {
        return changes.stream()
                .map(change -> change.field().auditName() + "=" + orNone(value.apply(change)))
                .collect(Collectors.joining("; "));
    }

    private static String orNone(String value) {
        return value.isEmpty() ? NONE : value;
    }
}
