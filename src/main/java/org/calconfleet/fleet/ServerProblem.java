package org.calconfleet.fleet;

import java.util.List;

/** One reason a server's values were refused: the field it concerns, a message key and its arguments. */
public record ServerProblem(String field, String messageKey, List<String> arguments) {

    public ServerProblem {
        arguments = List.copyOf(arguments);
    }

    static ServerProblem of(String field, String messageKey, Object... arguments) {
        return new ServerProblem(field, messageKey, java.util.Arrays.stream(arguments).map(String::valueOf).toList());
    }
}
