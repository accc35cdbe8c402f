package org.calconfleet.window;

import java.util.List;

/** A window or freeze refused, with the message key (and its arguments) that says why. */
public class MaintenanceRejectedException extends RuntimeException {

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

    public Object[] arguments() {
        return arguments.toArray();
    }
}
