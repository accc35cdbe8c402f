package org.calconfleet.port;

/** Every reason a name, address or flag is refused for a console line, each with its message's i18n key. */
public enum ConsoleRefusalReason {
    /** Arguments: none. */
    EMPTY("port.console.empty"),
    /** Arguments: the length, the longest allowed. */
    TOO_LONG("port.console.tooLong"),
    /** Arguments: the value. */
    WHITESPACE("port.console.whitespace"),
    /** Arguments: the value, the quotation mark. */
    QUOTE("port.console.quote"),
    /** Arguments: the value, the character as U+XXXX. */
    CONTROL_CHARACTER("port.console.controlCharacter"),
    /** Arguments: the value, the character. */
    UNSAFE_CHARACTER("port.console.unsafeCharacter"),
    /** Arguments: the value. */
    LEADING_HYPHEN("port.console.leadingHyphen"),
    /** Arguments: the value. */
    NOT_AN_IP_ADDRESS("port.console.notAnIpAddress"),
    /** Arguments: the value. */
    DEBUG_FLAG_NOT_0_OR_1("port.console.debugFlagNot0Or1");

    private final String messageKey;

    ConsoleRefusalReason(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
