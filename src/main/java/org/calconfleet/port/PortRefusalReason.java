package org.calconfleet.port;

/** Every reason a port can be refused, each with the i18n key of its message. */
public enum PortRefusalReason {
    /** Arguments: none. */
    BLANK("port.refusal.blank"),
    /** Arguments: the text as entered. */
    NOT_A_NUMBER("port.refusal.notANumber"),
    /** Arguments: the number (negative or above 65535). */
    OUT_OF_RANGE("port.refusal.outOfRange"),
    /** Arguments: the number (1 to 1024). */
    NOT_ABOVE_1024("port.refusal.notAbove1024"),
    /** Arguments: the Exchange-side value, the Notes-side value. */
    VALUES_DIFFER("port.refusal.valuesDiffer"),
    /** Arguments: the port. */
    RESERVED("port.refusal.reserved"),
    /** Arguments: the port, the policy's ranges as text. */
    OUTSIDE_POLICY_RANGES("port.refusal.outsidePolicyRanges"),
    /** Arguments: none. */
    DYNAMIC_NOT_ALLOWED("port.refusal.dynamicNotAllowed"),
    /** Arguments: the port, the other ports used on the site, the site. */
    DIFFERS_FROM_SITE("port.refusal.differsFromSite"),
    /** Arguments: the port, the other ports used in the fleet. */
    DIFFERS_FROM_FLEET("port.refusal.differsFromFleet");

    private final String messageKey;

    PortRefusalReason(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
