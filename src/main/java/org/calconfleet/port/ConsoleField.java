package org.calconfleet.port;

/** The inputs that end up on a Domino console line or in a netsh command, each with its label's i18n key. */
public enum ConsoleField {
    EXCHANGE_SERVER("port.field.exchangeServer", ConsoleText.LONGEST_HOST_NAME),
    CALENDAR_SYSTEM("port.field.calendarSystem", ConsoleText.LONGEST_NAME),
    DEBUG_FLAG("port.field.debugFlag", 1),
    HOST_NAME("port.field.hostName", ConsoleText.LONGEST_HOST_NAME),
    HOST_ADDRESS("port.field.hostAddress", ConsoleText.LONGEST_HOST_NAME);

    private final String messageKey;
    private final int maxLength;

    ConsoleField(String messageKey, int maxLength) {
        this.messageKey = messageKey;
        this.maxLength = maxLength;
    }

    public String messageKey() {
        return messageKey;
    }

    public int maxLength() {
        return maxLength;
    }
}
