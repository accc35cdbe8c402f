package org.calconfleet.agent;

import org.calconfleet.host.agent.WireException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/** Small conversions between request text and values for the agent's resources. */
final class AgentHttpValues {

    private AgentHttpValues() {
    }

    static JsonNode text(Enum<?> value) {
        return StringNode.valueOf(value.name());
    }

    /** A decimal number without sign, spaces or leading plus, from {@code min} to {@code max}. */
    static long number(String text, String where, long min, long max) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw WireException.invalid(where, "must be a whole number from " + min + " to " + max);
        }
        long value = Long.parseLong(text);
        if (value < min || value > max) {
            throw WireException.invalid(where, "must be from " + min + " to " + max);
        }
        return value;
    }
}
