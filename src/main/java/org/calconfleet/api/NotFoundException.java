package org.calconfleet.api;

import java.util.Arrays;
import java.util.List;

/** The resource a request names does not exist; answered as a 404 problem with the given message. */
public class NotFoundException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public NotFoundException(String messageKey, Object... arguments) {
        super(messageKey + " " + Arrays.toString(arguments));
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
