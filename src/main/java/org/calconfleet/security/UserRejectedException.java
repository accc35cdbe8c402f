package org.calconfleet.security;

import java.util.List;

/** The user's values break a rule; nothing was stored. Each problem names its field and a message key. */
public class UserRejectedException extends RuntimeException {

    public record Problem(String field, String messageKey, List<String> arguments) {
    }

    private final List<Problem> problems;

    UserRejectedException(List<Problem> problems) {
        super("User refused: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
