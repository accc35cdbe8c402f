package org.calconfleet.credential;

import java.util.Arrays;
import java.util.List;

/** One reason a credential was refused: the field it concerns ({@code name}, {@code account}, {@code secret}). */
public record CredentialProblem(String field, String messageKey, List<String> arguments) {

    public CredentialProblem {
        arguments = List.copyOf(arguments);
    }

    static CredentialProblem of(String field, String messageKey, Object... arguments) {
        return new CredentialProblem(field, messageKey, Arrays.stream(arguments).map(String::valueOf).toList());
    }
}
