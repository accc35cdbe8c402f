package org.calconfleet.host;

import java.util.Locale;

/** Type of an event-log entry (audit types, which the connector does not write, map to these). */
public enum EventType {
    INFORMATION,
    WARNING,
    ERROR;

    public String messageKey() {
        return "host.event-type." + name().toLowerCase(Locale.ROOT);
    }

    /** Maps EVENTLOGRECORD.EventType: 1 error, 2 warning, 4 information, 0 success, 8 audit success, 16 audit failure. */
    public static EventType fromWin32(int eventType) {
        return switch (eventType) {
            case 1, 16 -> ERROR;
            case 2 -> WARNING;
            default -> INFORMATION;
        };
    }
}
