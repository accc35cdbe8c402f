package org.calconfleet.port;

import java.util.Arrays;
import java.util.List;

public record PortRefusal(PortRefusalReason reason, List<String> arguments) implements Refusal {

    public PortRefusal {
        arguments = List.copyOf(arguments);
    }

    public static PortRefusal of(PortRefusalReason reason, Object... arguments) {
        return new PortRefusal(reason, Arrays.stream(arguments).map(String::valueOf).toList());
    }

    @Override
    public String messageKey() {
        return reason.messageKey();
    }
}
