package org.calconfleet.port;

import java.util.Arrays;
import java.util.List;

/** A refused console input: which field, why, and the arguments of the message. */
public record ConsoleRefusal(ConsoleField field, ConsoleRefusalReason reason, List<String> arguments)
        implements Refusal {

    public ConsoleRefusal {
        arguments = List.copyOf(arguments);
    }

    public static ConsoleRefusal of(ConsoleField field, ConsoleRefusalReason reason, Object... arguments) {
        return new ConsoleRefusal(field, reason, Arrays.stream(arguments).map(String::valueOf).toList());
    }

    @Override
    public String messageKey() {
        return reason.messageKey();
    }
}
