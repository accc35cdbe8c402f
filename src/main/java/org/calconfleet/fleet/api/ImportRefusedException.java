package org.calconfleet.fleet.api;

import java.util.List;
import java.util.Map;

/** An uploaded CSV that cannot be imported as a whole: not readable, or without a valid row. */
class ImportRefusedException extends RuntimeException {

    private final String messageKey;
    private final List<?> arguments;
    private final Map<String, Object> details;

    ImportRefusedException(String messageKey, List<?> arguments, Map<String, Object> details) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.copyOf(arguments);
        this.details = Map.copyOf(details);
    }

    String messageKey() {
        return messageKey;
    }

    List<?> arguments() {
        return arguments;
    }

    /** What the problem carries besides its text, for scripts: the encoding and line, or the refused rows. */
    Map<String, Object> details() {
        return details;
    }
}
