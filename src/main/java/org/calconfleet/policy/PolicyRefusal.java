package org.calconfleet.policy;

import java.util.Arrays;
import java.util.List;
import org.calconfleet.port.Refusal;

/** Why a policy edit was refused, and which setting it concerns (so a form can show it beside that field). */
public record PolicyRefusal(PolicyField field, PolicyRefusalReason reason, List<String> arguments)
        implements Refusal {

    public PolicyRefusal {
        arguments = List.copyOf(arguments);
    }

    public static PolicyRefusal of(PolicyField field, PolicyRefusalReason reason, Object... arguments) {
        return new PolicyRefusal(field, reason, Arrays.stream(arguments).map(String::valueOf).toList());
    }

    @Override
    public String messageKey() {
        return reason.messageKey();
    }
}
