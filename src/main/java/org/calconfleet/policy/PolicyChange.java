package org.calconfleet.policy;

import java.util.List;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.port.PortScope;

/** One setting that an edit changes, with its value before and after as the policy's text of it. */
public record PolicyChange(PolicyField field, String before, String after) {

    /** The values before these changes, each by its setting's label, as the audit trail stores them. */
    public static StoredMessage auditedBefore(List<PolicyChange> changes) {
        return audited(changes, true);
    }

    public static StoredMessage auditedAfter(List<PolicyChange> changes) {
        return audited(changes, false);
    }

    private static StoredMessage audited(List<PolicyChange> changes, boolean before) {
        return StoredMessage.of("policy.value.settings", StoredMessage.listed(changes.stream()
                .map(change -> StoredMessage.inner(StoredMessage.of("policy.value.setting",
                        new StoredMessage.Choice(change.field().messageKey()),
                        value(change.field(), before ? change.before() : change.after()))))
                .toList()));
    }

    /** A setting's value as a reader reads it: yes or no, the sharing's label, minutes, or the text itself. */
    public static StoredMessage.Argument value(PolicyField field, String value) {
        if (value.isEmpty()) {
            return new StoredMessage.Choice("policy.value.none");
        }
        return switch (field) {
            case DYNAMIC_ALLOWED, APPROVAL_REQUIRED ->
                    new StoredMessage.Choice(Boolean.parseBoolean(value) ? "policy.value.yes" : "policy.value.no");
            case SCOPE -> new StoredMessage.Choice(PortScope.valueOf(value).messageKey());
            case DRIFT_SCAN_INTERVAL -> StoredMessage.inner(StoredMessage.of("policy.value.minutes",
                    StoredMessage.count(Long.parseLong(value))));
            default -> StoredMessage.verbatim(value);
        };
    }
}
