package org.calconfleet.common;

import java.util.List;

/**
 * Something refused, said as a message key and its arguments: rendered when read, in the reader's language, by
 * the screen or the REST answer that shows it.
 */
public abstract class CodedRefusal extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    protected CodedRefusal(String messageKey, Object... arguments) {
        super(messageKey + " " + List.of(arguments));
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
