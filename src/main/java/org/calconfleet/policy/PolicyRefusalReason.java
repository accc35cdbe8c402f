package org.calconfleet.policy;

/** Every reason a policy edit can be refused, each with the i18n key of its message. */
public enum PolicyRefusalReason {
    /** Arguments: the item as typed, its position (1-based character) in the text. */
    RANGE_SYNTAX("policy.refusal.rangeSyntax"),
    /** Arguments: the item as typed, its position. */
    RANGE_OUTSIDE_BOUNDS("policy.refusal.rangeOutsideBounds"),
    /** Arguments: the item as typed, its position. */
    RANGE_REVERSED("policy.refusal.rangeReversed"),
    /** Arguments: none. */
    NO_RANGE("policy.refusal.noRange"),
    /** Arguments: the item as typed, its position. */
    RESERVED_NOT_A_PORT("policy.refusal.reservedNotAPort"),
    /** Arguments: none. */
    DRIFT_INTERVAL_MISSING("policy.refusal.driftIntervalMissing"),
    /** Arguments: the interval in minutes as text. */
    DRIFT_INTERVAL_OUTSIDE_BOUNDS("policy.refusal.driftIntervalOutsideBounds"),
    /** Arguments: the address as typed. */
    BAD_EMAIL("policy.refusal.badEmail"),
    /** Arguments: the length of the text, the longest allowed. */
    TEXT_TOO_LONG("policy.refusal.textTooLong"),
    /** Arguments: none. */
    REASON_BLANK("policy.refusal.reasonBlank");

    private final String messageKey;

    PolicyRefusalReason(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
