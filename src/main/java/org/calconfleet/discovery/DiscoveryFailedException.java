package org.calconfleet.discovery;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The forest could not be read; the message key and its arguments say why, in the reader's language. */
public class DiscoveryFailedException extends RuntimeException {

    /** Why, for the REST API's status: set-up the administrator must fix, or a directory that did not answer. */
    public enum Cause {
        NOT_CONFIGURED, REFUSED, UNAVAILABLE
    }

    private final Cause cause;
    private final String messageKey;
    private final List<Object> arguments;

    DiscoveryFailedException(Cause cause, String messageKey, List<Object> arguments, @Nullable Throwable reason) {
        super(messageKey + " " + arguments, reason);
        this.cause = cause;
        this.messageKey = messageKey;
        this.arguments = List.copyOf(arguments);
    }

    public Cause kind() {
        return cause;
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
