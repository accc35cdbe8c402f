package org.calconfleet.window;

import java.util.List;

/** A window or freeze refused, with the message key (and its arguments) that says why. */
public class MaintenanceRejectedException extends RuntimeException {

    /** The key of a refusal because the window or freeze does not exist (any more). */
    public static final String NOT_FOUND = "maintenance.notFound";

    private final String messageKey;
    private final List<Object> arguments;

    MaintenanceRejectedException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
