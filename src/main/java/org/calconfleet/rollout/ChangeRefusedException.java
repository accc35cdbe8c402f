package org.calconfleet.rollout;

import java.util.Arrays;
import java.util.List;

/** A change request operation was refused (e.g. approving one's own change); nothing was stored. */
public class ChangeRefusedException extends RuntimeException {

    private final String messageKey;
    private final List<String> arguments;

    public ChangeRefusedException(String messageKey, Object... arguments) {
        super(messageKey + " " + Arrays.toString(arguments));
        this.messageKey = messageKey;
        this.arguments = Arrays.stream(arguments).map(String::valueOf).toList();
    }

    public String messageKey() {
        return messageKey;
    }

    public List<String> arguments() {
        return arguments;
    }
}
