package org.calconfleet.backend;

import java.util.List;

/**
 * Why this console cannot take a server's path: an i18n key with its arguments for screens, and the same in English
 * for the failure detail of the backend that stands in for the path.
 */
public record PathProblem(String messageKey, List<String> arguments, String detail) {

    public PathProblem {
        arguments = List.copyOf(arguments);
    }

    static PathProblem of(String messageKey, String detail, String... arguments) {
        return new PathProblem(messageKey, List.of(arguments), detail);
    }
}
